import type { CountedLines } from './mine-groups.js';
import { LineMasker } from './token-mask.js';

const MINUTE = 60_000;

/**
 * Groups lines read from a store or a saved query result by service, level and our own masked message, so that every
 * line of a group gets the same template from the miner; keeps one example (the earliest line
 * added) and per-minute counts. Memory grows with distinct masked lines, not with lines.
 * @example const g = maskedGroups(); g.add('checkout', 'error', 'took 42 ms', ts); [...g.groups()]
 */
export function maskedGroups({ exampleChars = 2000 }: { exampleChars?: number } = {}) {
  const masker = new LineMasker();
  const groups = new Map<
    string,
    { group: CountedLines; counts: Map<number, number>; first: number; last: number }
  >();
  let lines = 0;
  return {
    /** Counts one line at `ts` (epoch ms); `line` is where it stands in its file, when it has one. */
    add(service: string, level: string | null, message: string, ts: number, line?: number): void {
      lines++;
      const key = `${service}\u0000${level ?? ''}\u0000${masker.text(message)}`;
      let entry = groups.get(key);
      if (!entry) {
        const example = message.length > exampleChars ? message.slice(0, exampleChars) : message;
        entry = {
          group: { service, level, example, minutes: [], line },
          counts: new Map(),
          first: ts,
          last: ts,
        };
        groups.set(key, entry);
      } else if (ts < entry.first) {
        // Pages arrive in time order, but a late line may still be the earliest.
        entry.first = ts;
        entry.group.example = message.length > exampleChars ? message.slice(0, exampleChars) : message;
        entry.group.line = line;
      }
      if (ts > entry.last) entry.last = ts;
      const minute = Math.floor(ts / MINUTE) * MINUTE;
      entry.counts.set(minute, (entry.counts.get(minute) ?? 0) + 1);
    },
    get lines() {
      return lines;
    },
    get size() {
      return groups.size;
    },
    /** The groups, each with its minutes in time order and the times of its first and last line. */
    *groups(): Iterable<CountedLines> {
      for (const { group, counts, first, last } of groups.values()) {
        group.minutes = [...counts].sort((a, b) => a[0] - b[0]).map(([minute, count]) => ({ minute, count }));
        group.first = first;
        group.last = last;
        yield group;
      }
    },
  };
}

export type MaskedGroups = ReturnType<typeof maskedGroups>;
