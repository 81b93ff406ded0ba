import type { Problem } from '../model/index.js';

/** Lines listed per file and reason; the rest are counted in one closing entry. */
export const LISTED_PER_REASON = 20;

/**
 * Collects one input's skipped lines: every line is counted, the first few per reason are listed
 * with their line numbers, and `close` adds one entry per reason for the rest, so a log of a
 * million bad lines costs a few problems, not a million.
 * @example const s = skippedLines('app.log', problems); s.skip(3, 'not a JSON line'); s.close()
 */
export function skippedLines(file: string, problems: Problem[], listed = LISTED_PER_REASON) {
  const unlisted = new Map<string, { count: number; first: number | null; last: number | null }>();
  const seen = new Map<string, number>();
  let count = 0;
  return {
    skip(line: number | null, message: string): void {
      count++;
      const n = (seen.get(message) ?? 0) + 1;
      seen.set(message, n);
      if (n <= listed) {
        problems.push({ file, line, message });
        return;
      }
      const rest = unlisted.get(message) ?? { count: 0, first: line, last: line };
      rest.count++;
      rest.last = line ?? rest.last;
      unlisted.set(message, rest);
    },
    /** Lines skipped so far, listed or not. */
    get count() {
      return count;
    },
    close(): void {
      for (const [message, rest] of unlisted) {
        const where = rest.first != null && rest.last != null ? ` (lines ${rest.first}–${rest.last})` : '';
        const lines = rest.count === 1 ? 'line' : 'lines';
        problems.push({
          file,
          line: null,
          message: `${rest.count.toLocaleString('en-US')} more ${lines}${where} skipped: ${message}`,
        });
      }
      unlisted.clear();
    },
  };
}
