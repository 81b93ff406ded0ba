// Small .gz files that inflate to a gigabyte: every reader that holds a whole document stops at
// its cap (src/sources/limits.ts), says what it dropped, and stays within bounded memory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import type { Source } from '../model/index.js';
import { csvSeries } from './csv-series.js';
import { LIMITS } from './limits.js';
import { sources } from './registry.js';
import { context } from './test-kit.js';

const MiB = 1024 * 1024;

/**
 * A gzip that starts with `head` and then inflates `filler` `times` over: gzip members may be
 * concatenated, so one compressed block repeated gives any size in little time.
 */
function bomb(name: string, head: string, filler: string, times: number): string {
  const block = gzipSync(Buffer.from(filler.repeat(Math.ceil((16 * MiB) / filler.length))), { level: 9 });
  const path = join(mkdtempSync(join(tmpdir(), 'hindsight-bomb-')), name);
  writeFileSync(path, Buffer.concat([gzipSync(head), ...Array.from({ length: times }, () => block)]));
  return path;
}

/** Reads a file with a source, watching the process's memory while it does. */
async function readWatched(source: Source, path: string) {
  const problems: { line: number | null; message: string }[] = [];
  let events = 0;
  let points = 0;
  const ctx = {
    ...context(problems),
    addSeries: (s: { points: unknown[] }) => {
      points += s.points.length;
    },
  };
  const before = process.memoryUsage().rss;
  let peak = before;
  const watch = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    for await (const _ of source.read(await fileInput(path), ctx)) events++;
  } finally {
    clearInterval(watch);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { problems, events, points, grewMiB: (peak - before) / MiB };
}

const messages = (problems: { message: string }[]) => problems.map((p) => p.message);

describe('gzip bombs', () => {
  it('an Alertmanager file inflating to 1 GiB is read to the 64 MiB document cap, and the cut reported', async () => {
    const path = bomb('alerts.json.gz', '{"receiver":"r","status":"firing","alerts":[', ' ', 64);
    const { problems, grewMiB } = await readWatched(sources.alertmanager, path);
    expect(messages(problems)).toContain('larger than 64 MiB, the cap per document: only its start was read');
    expect(grewMiB).toBeLessThan(768);
  });

  it('an events JSONL file inflating to 1 GiB stops at the cap of events per file, and says so', async () => {
    const line = '{"ts":"1770724800000","kind":"note","summary":"again"}\n';
    const path = bomb('events.jsonl.gz', line, line, 64);
    const { problems, events, grewMiB } = await readWatched(sources.events, path);
    expect(events).toBe(LIMITS.eventsPerFile);
    expect(messages(problems)).toEqual([
      'stopped after 200,000 events, the cap per file; the rest was not read',
    ]);
    expect(grewMiB).toBeLessThan(768);
  });

  it('a CSV series inflating to 1 GiB stops at the cap of points per file, and says so', async () => {
    const path = bomb('latency.csv.gz', 'ts,latency_ms\n', '1770724800,12\n', 64);
    const { problems, points, grewMiB } = await readWatched(csvSeries, path);
    expect(points).toBe(LIMITS.pointsPerFile);
    expect(messages(problems)).toEqual([
      'stopped after 2,000,000 points, the cap per file; the rest was not read',
    ]);
    expect(grewMiB).toBeLessThan(768);
  });

  it('a Markdown timeline inflating to 1 GiB of empty lines stops at the cap of lines per document', async () => {
    const path = bomb('timeline.md.gz', '## Timeline\n\n- 12:00 UTC checkout errors begin\n', '\n', 64);
    const { problems, grewMiB } = await readWatched(sources['markdown-timeline'], path);
    expect(messages(problems)).toContain(
      'stopped after 1,000,000 lines, the cap per document; the rest was not read',
    );
    expect(grewMiB).toBeLessThan(768);
  });

  it('a line of 128 MiB without a newline is skipped past the 16 MiB line cap, not held', async () => {
    const path = bomb('events.jsonl.gz', '{"ts":"1770724800000","kind":"note","summary":"', 'x', 8);
    const { problems, events, grewMiB } = await readWatched(sources.events, path);
    expect(events).toBe(0);
    expect(problems).toEqual([{ line: 1, message: 'line longer than 16 MiB: skipped' }]);
    expect(grewMiB).toBeLessThan(768);
  });
});
