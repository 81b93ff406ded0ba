// One closure owns the per-template columns (typed arrays grown together), hence its length.
import type { LogTemplate } from '../model/index.js';
import { LEVELS, type Level } from './level.js';
import { ownCopy } from './own-copy.js';

const MINUTE_MS = 60_000;

export interface TemplateTableOptions {
  /** Characters of the example line kept per template. */
  exampleChars?: number;
}

const grow = <T extends Float64Array | Uint8Array>(array: T, size: number, make: (n: number) => T): T => {
  if (size < array.length) return array;
  const next = make(Math.max(16, array.length * 2));
  next.set(array);
  return next;
};

/**
 * What one service's log said, per template id, in columns: counts, first and last time, most
 * severe level, per-minute counts, and where one example line sits in the file.
 */
export function templateTable({ exampleChars = 2000 }: TemplateTableOptions = {}) {
  let count = new Float64Array(0);
  let firstSeen = new Float64Array(0);
  let lastSeen = new Float64Array(0);
  let level = new Uint8Array(0);
  let exampleLine = new Float64Array(0);
  let exampleOffset = new Float64Array(0);
  const examples: string[] = [];
  const minutes: number[][] = [];
  const perMinute: number[][] = [];
  let size = 0;

  const ensure = (id: number) => {
    count = grow(count, id, (n) => new Float64Array(n));
    firstSeen = grow(firstSeen, id, (n) => new Float64Array(n));
    lastSeen = grow(lastSeen, id, (n) => new Float64Array(n));
    level = grow(level, id, (n) => new Uint8Array(n));
    exampleLine = grow(exampleLine, id, (n) => new Float64Array(n));
    exampleOffset = grow(exampleOffset, id, (n) => new Float64Array(n));
    while (size <= id) {
      firstSeen[size] = Number.POSITIVE_INFINITY;
      lastSeen[size] = Number.NEGATIVE_INFINITY;
      level[size] = LEVELS.length - 1;
      minutes.push([]);
      perMinute.push([]);
      examples.push('');
      size++;
    }
  };

  const countMinute = (id: number, ts: number) => {
    const minute = Math.floor(ts / MINUTE_MS) * MINUTE_MS;
    const ms = minutes[id];
    const counts = perMinute[id];
    let i = ms.length - 1;
    if (i >= 0 && ms[i] === minute) counts[i]++;
    else if (i < 0 || ms[i] < minute) {
      ms.push(minute);
      counts.push(1);
    } else {
      // Out-of-order line: find its minute from the end, where late lines usually land.
      while (i >= 0 && ms[i] > minute) i--;
      if (i >= 0 && ms[i] === minute) counts[i]++;
      else {
        ms.splice(i + 1, 0, minute);
        counts.splice(i + 1, 0, 1);
      }
    }
  };

  return {
    /**
     * Counts one line of template `id`. True when it is now the template's earliest line: the
     * caller then hands its text to `keepExample`, so only such lines need decoding.
     */
    add(id: number, ts: number, lineLevel: Level, number: number, offset: number): boolean {
      if (id >= size) ensure(id);
      count[id]++;
      const earliest = ts < firstSeen[id];
      if (earliest) {
        firstSeen[id] = ts;
        exampleLine[id] = number;
        exampleOffset[id] = offset;
      }
      if (ts > lastSeen[id]) lastSeen[id] = ts;
      const rank = LEVELS.indexOf(lineLevel);
      if (rank < level[id]) level[id] = rank;
      countMinute(id, ts);
      return earliest;
    },
    /** Keeps `line` (cut to `exampleChars`) as template `id`'s example. */
    keepExample(id: number, line: string): void {
      examples[id] = ownCopy(line.length > exampleChars ? line.slice(0, exampleChars) : line);
    },
    /** The table as LogTemplate records, with templates named by `templateOf`. */
    toTemplates(service: string | null, file: string, templateOf: (id: number) => string): LogTemplate[] {
      const out: LogTemplate[] = [];
      for (let id = 0; id < size; id++) {
        if (!count[id]) continue;
        out.push({
          service,
          template: templateOf(id),
          level: LEVELS[level[id]],
          count: count[id],
          firstSeen: firstSeen[id],
          lastSeen: lastSeen[id],
          perMinute: minutes[id].map((m, i) => [m, perMinute[id][i]] as [number, number]),
          example: examples[id],
          source: { file, line: exampleLine[id] },
          offset: exampleOffset[id],
        });
      }
      return out;
    },
  };
}

export type TemplateTable = ReturnType<typeof templateTable>;
