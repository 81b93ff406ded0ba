import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import type { LogTemplate } from '../model/index.js';
import { recordingContext } from '../sources/recording-context.js';
import { mergePerMinute, mergeTemplates } from './merge-templates.js';
import { mineLog } from './mine-log.js';
import { lineAlignedRanges } from './parallel-ingest.js';
import { logWorkers, mineInParallel, rangeCount } from './parallel-mine.js';
import { textRecordReader } from './text-record.js';

const template = (over: Partial<LogTemplate>): LogTemplate => ({
  service: 'checkout',
  template: 'took <*> ms',
  level: 'info',
  count: 1,
  firstSeen: 0,
  lastSeen: 0,
  perMinute: [[0, 1]],
  example: 'took 1 ms',
  source: { file: 'app.log', line: 1 },
  offset: 0,
  ...over,
});

describe('mergeTemplates', () => {
  it('adds per-minute counts minute by minute', () => {
    expect(
      mergePerMinute(
        [
          [0, 1],
          [120_000, 2],
        ],
        [
          [60_000, 5],
          [120_000, 1],
        ],
      ),
    ).toEqual([
      [0, 1],
      [60_000, 5],
      [120_000, 3],
    ]);
  });

  it('makes one template of the same one found in two parts, keeping the earliest example', () => {
    const first = template({
      count: 2,
      firstSeen: 60_000,
      lastSeen: 90_000,
      perMinute: [[60_000, 2]],
      example: 'took 7 ms',
    });
    const second = template({
      template: 'took 42 ms',
      count: 1,
      firstSeen: 30_000,
      lastSeen: 30_000,
      example: 'took 42 ms',
      source: { file: 'app.log', line: 900 },
      offset: 5000,
    });
    const other = template({ level: 'error', template: 'pool exhausted', count: 3 });
    const merged = mergeTemplates([[first, other], [second]]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      template: 'took <*> ms',
      count: 3,
      firstSeen: 30_000,
      lastSeen: 90_000,
      example: 'took 42 ms',
      source: { line: 900 },
      offset: 5000,
      perMinute: [
        [0, 1],
        [60_000, 2],
      ],
    });
    expect(merged[1]).toMatchObject({ template: 'pool exhausted', level: 'error', count: 3 });
  });
});

describe('logWorkers', () => {
  it('keeps small, gzipped and single-worker logs on one thread', () => {
    expect(logWorkers('app.log', 1000, {})).toBe(1);
    expect(logWorkers('app.log.gz', 1e9, { HINDSIGHT_LOG_WORKERS: '2' })).toBe(1);
    expect(logWorkers('app.log', 1e9, { HINDSIGHT_LOG_WORKERS: '1' })).toBe(1);
  });
});

// The worker thread runs compiled JavaScript: `npm test` builds dist/ before the tests.
const worker = new URL('../../dist/logs/mine-worker.js', import.meta.url);
const built = existsSync(worker);
if (!built)
  console.warn('parallel mining test skipped: dist/logs/mine-worker.js is not built (run npm run build)');

describe.skipIf(!built)('mineInParallel', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-parallel-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // 4,000 timed lines with a 60-line stack trace across the middle, where the file is cut in two,
  // and lines without a time or with binary data in the second half.
  const lines: string[] = [];
  const stamp = (i: number) =>
    new Date(Date.UTC(2026, 1, 10, 14, 0, 0) + i * 250).toISOString().replace('T', ' ').slice(0, 23);
  for (let i = 0; i < 4000; i++) {
    if (i === 2000) {
      lines.push(`${stamp(i)} ERROR [main] c.e.Checkout: payment failed for order ${i}`);
      for (let k = 0; k < 60; k++)
        lines.push(`\tat com.example.checkout.Payments.call${k}(Payments.java:${100 + k})`);
      continue;
    }
    if (i === 3000) lines.push('\u0000\u0001 binary junk');
    lines.push(
      `${stamp(i)} INFO  [http-${i % 8}] c.e.Cart: request ${i.toString(16)} completed in ${i % 900} ms`,
    );
    if (i % 500 === 7)
      lines.push(`${stamp(i)} WARN  [http-1] c.e.Cart: slow query took ${i} ms on table orders`);
  }
  const path = join(dir, 'checkout.log');
  writeFileSync(path, `${lines.join('\n')}\n`);

  it('finds what one thread finds, line numbers and skipped lines included', async () => {
    const ranges = await lineAlignedRanges(path, 2);
    const secondStartsAt = Buffer.from(`${lines.join('\n')}\n`)
      .subarray(0, ranges[1].start)
      .toString()
      .split('\n').length;
    // The cut falls inside the stack trace, so the second part starts with untimed lines.
    expect(lines[secondStartsAt - 1], `line ${secondStartsAt}`).toMatch(/^\tat /);

    const one = recordingContext('checkout.log');
    const single = await mineLog(await fileInput(path), one.ctx, textRecordReader);
    const two = recordingContext('checkout.log');
    const parallel = await mineInParallel(await fileInput(path), two.ctx, 'text', 2, {}, worker);

    const byTemplate = (ts: LogTemplate[]) => [...ts].sort((a, b) => a.template.localeCompare(b.template));
    expect(byTemplate(parallel)).toEqual(byTemplate(single));
    expect(two.problems).toEqual(one.problems);
    const binaryLine = lines.findIndex((l) => l.startsWith('\u0000')) + 1;
    expect(binaryLine).toBeGreaterThan(secondStartsAt);
    expect(two.problems).toEqual([{ file: 'checkout.log', line: binaryLine, message: 'binary data' }]);
    expect(parallel.reduce((n, t) => n + t.count, 0)).toBe(4000 + 8);
  });

  it('finds the same when two threads take eleven ranges in turn', async () => {
    const one = recordingContext('checkout.log');
    const single = await mineLog(await fileInput(path), one.ctx, textRecordReader);
    const env = { HINDSIGHT_LOG_CHUNK_BYTES: String(Math.ceil(statSync(path).size / 11)) };
    expect(rangeCount(statSync(path).size, 2, env)).toBe(11);
    const many = recordingContext('checkout.log');
    const parallel = await mineInParallel(await fileInput(path), many.ctx, 'text', 2, {}, worker, env);
    const byTemplate = (ts: LogTemplate[]) => [...ts].sort((a, b) => a.template.localeCompare(b.template));
    expect(byTemplate(parallel)).toEqual(byTemplate(single));
    expect(many.problems).toEqual(one.problems);
  });
});

describe('mineInParallel when a worker fails', () => {
  it("rejects with the thread's error instead of waiting for ranges that will never come", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-failing-'));
    try {
      const failing = join(dir, 'failing-worker.mjs');
      writeFileSync(failing, "throw new Error('disk on fire');\n");
      const path = join(dir, 'app.log');
      writeFileSync(path, '2026-02-10 14:00:00 INFO up\n'.repeat(100));
      const { ctx } = recordingContext('app.log');
      await expect(
        mineInParallel(await fileInput(path), ctx, 'text', 2, {}, pathToFileURL(failing)),
      ).rejects.toThrow('disk on fire');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rangeCount', () => {
  it('cuts about 32 MiB per range, at least one per thread and at most 16 per thread', () => {
    const MiB = 1024 * 1024;
    expect(rangeCount(100 * MiB, 2, {})).toBe(4);
    expect(rangeCount(1000 * MiB, 2, {})).toBe(32);
    expect(rangeCount(10 * MiB, 2, {})).toBe(2);
    expect(rangeCount(100_000 * MiB, 2, {})).toBe(32);
    expect(rangeCount(100 * MiB, 2, { HINDSIGHT_LOG_CHUNK_BYTES: String(10 * MiB) })).toBe(10);
  });
});
