import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBundle } from '../bundle/index.js';
import { logEvents } from '../logs/index.js';
import { impactFromSeries, metricEvents } from '../metrics/index.js';
import type { LogTemplate, Series } from '../model/index.js';
import { detectSource } from './detect.js';
import { recordingContext } from './recording-context.js';

const T0 = Date.parse('2026-02-10T13:00:00Z');
const CHANGE = Date.parse('2026-02-10T14:00:00Z');
const ONSET = Date.parse('2026-02-10T14:04:05Z');
const RECOVERY = Date.parse('2026-02-10T14:41:02Z');

/** A pino log, one line every 40 ms for two hours; a new error template between ONSET and RECOVERY. */
function pinoLog(): { text: string; errors: number } {
  const lines: string[] = [];
  let errors = 0;
  for (let ts = T0, i = 0; ts < T0 + 2 * 3600_000; ts += 40, i++) {
    const failing = ts >= ONSET && ts <= RECOVERY && (ts - ONSET) % 200 === 0;
    if (failing) errors++;
    const record = failing
      ? {
          level: 50,
          time: ts,
          pid: 7,
          hostname: 'checkout-7d9',
          msg: `Connection pool exhausted after ${3000 + (i % 17)} ms`,
        }
      : i % 500 === 0
        ? {
            level: 40,
            time: ts,
            pid: 7,
            hostname: 'checkout-7d9',
            msg: `Slow query took ${800 + (i % 90)} ms`,
          }
        : {
            level: 30,
            time: ts,
            pid: 7,
            hostname: 'checkout-7d9',
            req: { id: i },
            msg: `request completed in ${i % 250} ms`,
          };
    lines.push(JSON.stringify(record));
  }
  return { text: `${lines.join('\n')}\n`, errors };
}

function matrix(value: (minute: number) => number) {
  const values = Array.from({ length: 120 }, (_, m) => [(T0 + m * 60_000) / 1000, String(value(m))]);
  return JSON.stringify({
    status: 'success',
    data: { resultType: 'matrix', result: [{ metric: { service: 'checkout' }, values }] },
  });
}

describe('an incident bundle with a large pino log and Prometheus series', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-incident-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'logs'));
  mkdirSync(join(dir, 'metrics'));
  const log = pinoLog();
  writeFileSync(join(dir, 'logs', 'app.jsonl'), log.text);
  const bad = (m: number) => m >= 65 && m <= 100;
  writeFileSync(
    join(dir, 'metrics', 'errors.json'),
    matrix((m) => (bad(m) ? 0.15 : 0.002)),
  );
  writeFileSync(
    join(dir, 'metrics', 'rps.json'),
    matrix(() => 200),
  );
  writeFileSync(
    join(dir, 'incident.yaml'),
    [
      'slo: [{ objective: 99.9, window: 30d }]',
      'sources:',
      '  - { path: logs/*.jsonl, format: pino, service: checkout }',
      '  - { path: metrics/errors.json, measure: errorRate }',
      '  - { path: metrics/rps.json, measure: requestRate }',
    ].join('\n'),
  );
  const bundle = await openBundle([dir]);
  const templates: LogTemplate[] = [];
  const series: Series[] = [];
  for (const input of bundle.inputs) {
    const recorded = recordingContext(input.name, { manifest: bundle.manifest, spec: input.spec });
    const source = detectSource(input, input.spec?.format)!;
    for await (const _ of source.read(input, recorded.ctx));
    templates.push(...recorded.templates);
    series.push(...recorded.series);
  }

  it('yields the new error template as first seen after the change, with its count and span', () => {
    const events = logEvents(templates, { baselineEnd: CHANGE });
    const first = events.filter((e) => e.attrs?.phase === 'first-seen');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ ts: ONSET, service: 'checkout', source: { file: 'logs/app.jsonl' } });
    expect(first[0].attrs).toMatchObject({
      new: true,
      level: 'error',
      count: log.errors,
      template: 'Connection pool exhausted after <*> ms',
    });
    expect(first[0].summary).toBe(
      `New error log template in checkout: "Connection pool exhausted after <*> ms" — ${log.errors.toLocaleString('en-US')} times 14:04:05–14:41:02`,
    );
    expect(String(first[0].attrs?.example)).toContain('"level":50');
    expect(events.find((e) => e.attrs?.phase === 'last-seen')?.ts).toBe(RECOVERY);
  });

  it('yields the metric onset and recovery and the impact figures', () => {
    const events = metricEvents(series, { baselineEnd: CHANGE });
    expect(events.map((e) => [e.attrs?.phase, new Date(e.ts).toISOString()])).toEqual([
      ['onset', '2026-02-10T14:05:00.000Z'],
      ['peak', '2026-02-10T14:05:00.000Z'],
      ['recovered', '2026-02-10T14:41:00.000Z'],
    ]);
    const impact = impactFromSeries(series, bundle.manifest, {
      start: Date.parse('2026-02-10T14:05:00Z'),
      end: Date.parse('2026-02-10T14:40:00Z'),
    });
    expect(impact).toMatchObject({
      errorRatePeak: 15,
      failedRequests: 36 * 0.15 * 200 * 60,
      sloBreached: false,
    });
    expect(impact.errorRateBaseline).toBeCloseTo(0.2, 9);
    expect(impact.errorBudgetConsumedPercent).toBeCloseTo((64_800 / 518_400) * 100, 6);
  });
});
