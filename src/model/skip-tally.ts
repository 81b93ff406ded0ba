/** Skipped lines of one reason past the listed ones: how many, and the first and last line. */
export interface MoreSkips {
  reason: string;
  count: number;
  first: number | null;
  last: number | null;
}

/**
 * Tallies one input's skipped lines: every line is counted, the first `listed` of each reason go
 * to `list` with their line numbers, and the rest are kept as one `MoreSkips` per reason, so a
 * log of a million bad lines costs a few records, not a million.
 * @example const t = skipTally(20, (line, reason) => shown.push([line, reason])); t.skip(3, 'not a JSON line'); t.rest()
 */
export function skipTally(listed: number, list: (line: number | null, reason: string) => void) {
  const seen = new Map<string, number>();
  const more = new Map<string, MoreSkips>();
  let count = 0;
  return {
    skip(line: number | null, reason: string): void {
      count++;
      const n = (seen.get(reason) ?? 0) + 1;
      seen.set(reason, n);
      if (n <= listed) {
        list(line, reason);
        return;
      }
      const rest = more.get(reason) ?? { reason, count: 0, first: line, last: line };
      rest.count++;
      rest.last = line ?? rest.last;
      more.set(reason, rest);
    },
    /** Lines skipped so far, listed or not. */
    get count() {
      return count;
    },
    /** The lines past the listed ones, one entry per reason; forgets them. */
    rest(): MoreSkips[] {
      const out = [...more.values()];
      more.clear();
      return out;
    },
  };
}
