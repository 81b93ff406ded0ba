// Gzipped evidence is read whatever its shape, a damaged archive keeps what decoded before the
// damage, and one bad CSV row costs that row only.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import { csvSeries } from './csv-series.js';
import { detectSource } from './detect.js';
import { genericEvents } from './generic-events.js';
import { prometheusFile } from './prometheus-file.js';
import { slackExport } from './slack-export.js';
import { copyFolder, fixture, openFolder, readWith } from './test-kit.js';

function file(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hindsight-gz-')), name);
  writeFileSync(path, content);
  return path;
}

const read = async (source: Parameters<typeof readWith>[0], path: string) =>
  readWith(source, await fileInput(path));

/** A gzip of the text, cut so that the last part of it cannot decode. */
function damagedGzip(text: string): Buffer {
  const whole = gzipSync(text, { level: 0 });
  return whole.subarray(0, Math.floor(whole.length * 0.75));
}

const THREE_EVENTS = [
  { ts: '2026-02-10T12:00:00Z', kind: 'deploy', summary: 'Deploy checkout v1' },
  { ts: '2026-02-10T12:05:00Z', kind: 'alert', summary: '5xx above 5%' },
  { ts: '2026-02-10T12:09:00Z', kind: 'rollback', summary: 'Roll back checkout' },
];
const CSV = `ts,kind,summary\n${THREE_EVENTS.map((e) => `${e.ts},${e.kind},${e.summary}`).join('\n')}\n`;

describe('gzipped evidence', () => {
  it.each([
    ['events.csv.gz', CSV],
    ['events.json.gz', JSON.stringify(THREE_EVENTS)],
    ['events.jsonl.gz', THREE_EVENTS.map((e) => JSON.stringify(e)).join('\n')],
  ])('reads all three events of %s', async (name, text) => {
    const path = file(name, gzipSync(text));
    const input = await fileInput(path);
    expect(detectSource(input)?.name).toBe('events');
    const { events, problems } = await readWith(genericEvents, input);
    expect(problems).toEqual([]);
    expect(events.map((e) => e.summary)).toEqual(THREE_EVENTS.map((e) => e.summary));
  });

  it('reads a gzipped Prometheus query_range file', async () => {
    const path = file('errors.json.gz', gzipSync(readFileSync(fixture('metrics', 'query-range.json'))));
    const { problems, handedOver } = await read(prometheusFile, path);
    expect(problems).toEqual([]);
    expect(handedOver).toBeGreaterThan(0);
  });

  it('keeps the events of a damaged archive that decoded before the damage, and reports the damage', async () => {
    const lines = Array.from(
      { length: 400 },
      (_, i) => `{"ts":"2026-02-10T12:00:00Z","kind":"note","summary":"entry ${i}"}`,
    );
    const { events, problems } = await read(
      genericEvents,
      file('events.jsonl.gz', damagedGzip(lines.join('\n'))),
    );
    expect(events.length).toBeGreaterThan(100);
    expect(events.length).toBeLessThan(400);
    expect(problems.at(-1)?.message).toMatch(/^damaged gzip: .* kept what decoded before the damage$/);
  });

  it('keeps the points of a damaged CSV series archive that decoded before the damage', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `${1770728400 + i * 60},0.01`);
    const series: number[] = [];
    const input = await fileInput(file('errors.csv.gz', damagedGzip(`ts,error_ratio\n${rows.join('\n')}\n`)));
    const problems: string[] = [];
    const ctx = {
      ...(await import('./test-kit.js')).context([]),
      skip: (_: number | null, message: string) => problems.push(message),
      addSeries: (s: { points: unknown[] }) => series.push(s.points.length),
    };
    for await (const _ of csvSeries.read(input, ctx)) void _;
    expect(series[0]).toBeGreaterThan(100);
    expect(problems.some((p) => p.startsWith('damaged gzip'))).toBe(true);
  });
});

describe('a CSV of events with a bad row', () => {
  it('reads on past a stray quote and reports the row with its line', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `2026-02-10T12:00:00Z,note,entry ${i}`);
    rows[41] = '2026-02-10T12:00:00Z,note,entry "41';
    const { events, problems } = await read(
      genericEvents,
      file('events.csv', `ts,kind,summary\n${rows.join('\n')}\n`),
    );
    expect(events).toHaveLength(100);
    expect(events[41].summary).toBe('entry "41');
    expect(problems).toEqual([]);
  });

  it('skips only the row a quote leaves unreadable, naming its line', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `2026-02-10T12:00:00Z,note,entry ${i}`);
    rows[9] = '2026-02-10T12:00:00Z,note,"entry" 9';
    const { events, problems } = await read(
      genericEvents,
      file('events.csv', `ts,kind,summary\n${rows.join('\n')}\n`),
    );
    expect(events).toHaveLength(99);
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(11);
    expect(problems[0].message).toMatch(/^CSV: /);
  });
});

describe('a CSV of events with an unclosed quote', () => {
  it('skips the row that opens a quote it never closes and reads the other 99', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `2026-02-10T12:00:00Z,note,entry ${i}`);
    rows[41] = '2026-02-10T12:00:00Z,note,"entry 41';
    const { events, problems } = await read(
      genericEvents,
      file('events.csv', `ts,kind,summary\n${rows.join('\n')}\n`),
    );
    expect(events).toHaveLength(99);
    expect(problems).toEqual([{ line: 43, message: 'unclosed quote' }]);
  });

  it('still reads a quoted cell that spans lines as one cell', async () => {
    const csv =
      'ts,kind,summary\n2026-02-10T12:00:00Z,note,"first line\nsecond line"\n2026-02-10T12:01:00Z,note,next\n';
    const { events, problems } = await read(genericEvents, file('events.csv', csv));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.summary, e.source.line])).toEqual([
      ['first line\nsecond line', 2],
      ['next', 4],
    ]);
  });
});

describe('detection', () => {
  it('recognises a JSON-lines file whose first line is longer than 64 KiB', async () => {
    const first = JSON.stringify({ ts: '2026-02-10T12:00:00Z', kind: 'note', summary: 'x'.repeat(100_000) });
    const rest = THREE_EVENTS.map((e) => JSON.stringify(e)).join('\n');
    const input = await fileInput(file('events.jsonl', `${first}\n${rest}\n`));
    expect(detectSource(input)?.name).toBe('events');
    expect((await readWith(genericEvents, input)).events).toHaveLength(4);
  });
});

describe('a Slack export', () => {
  it('reports a channels.json that is not JSON, and still reads the messages', async () => {
    const copy = copyFolder(fixture('slack', 'slack-export-viewer__testarchive'));
    writeFileSync(join(copy, 'channels.json'), '\u0000garbage{{');
    const { events, problems } = await readWith(slackExport, await openFolder(copy));
    expect(events.length).toBeGreaterThan(100);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^channels\.json: cannot be read \(/),
    ]);
  });

  it('reports a channels.json that is JSON but not a list of channels', async () => {
    const copy = copyFolder(fixture('slack', 'slack-export-viewer__testarchive'));
    writeFileSync(join(copy, 'channels.json'), '{"channels": 3}');
    const { problems } = await readWith(slackExport, await openFolder(copy));
    expect(problems.map((p) => p.message)).toEqual([
      'channels.json is not a JSON array of channels: channel ids shown as ids',
    ]);
  });
});
