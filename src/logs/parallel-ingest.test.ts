import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonRecordReader } from './json-record.js';
import { ingestRange, lineAlignedRanges } from './parallel-ingest.js';
import { textRecordReader } from './text-record.js';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-ranges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = Array.from(
  { length: 1000 },
  (_, i) => `2024-05-01 00:00:${String(i % 60).padStart(2, '0')},003 ERROR pool exhausted after ${i * 7} ms`,
);

describe('lineAlignedRanges and ingestRange', () => {
  it('cut a file just after newlines, and the parts together count every line once', async () => {
    const path = join(dir, 'app.log');
    const content = `${lines.join('\n')}\n`;
    writeFileSync(path, content);
    const ranges = await lineAlignedRanges(path, 3);
    expect(ranges[0].start).toBe(0);
    expect(ranges[2].end).toBe(content.length);
    for (const r of ranges.slice(1)) expect(content[r.start - 1]).toBe('\n');
    const parts = await Promise.all(ranges.map((r) => ingestRange(path, r, textRecordReader)));
    expect(parts.reduce((n, p) => n + p.lines, 0)).toBe(1000);
    expect(parts.reduce((n, p) => n + p.bytes, 0)).toBe(content.length);
    expect(parts.every((p) => p.skipped === 0)).toBe(true);
  });

  it('counts lines the reader turns down, and leaves a range empty when one line is longer than a part', async () => {
    const path = join(dir, 'app.jsonl');
    writeFileSync(
      path,
      `{"level":30,"time":1,"msg":"${'x'.repeat(500)}"}\n{"level":50,"msg":"no time"}\nnot json`,
    );
    const ranges = await lineAlignedRanges(path, 4);
    expect(ranges.some((r) => r.start === r.end)).toBe(true);
    const parts = await Promise.all(ranges.map((r) => ingestRange(path, r, jsonRecordReader)));
    expect(parts.reduce((n, p) => n + p.lines, 0)).toBe(3);
    expect(parts.reduce((n, p) => n + p.skipped, 0)).toBe(2);
  });
});
