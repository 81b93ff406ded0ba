// The checkout-logs-metrics example: a two-hour gzipped pino log (97k lines) and a Prometheus
// query_range export around one deploy. Made by scripts/make-logs-example.mjs with a fixed seed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
interface Entry {
  ts: string;
  kind: string;
  ref: string;
  summary: string;
  attrs?: Record<string, unknown>;
}
let report: {
  timeline: Entry[];
  moments: Record<string, { ts: string; ref: string } | null>;
  impact: Record<string, number | boolean | null>;
  dataQuality: { eventsRead: number; problems: { file: string; line: number; message: string }[] };
  suspects: { ref: string; reasons: string[] }[];
};

beforeAll(() => {
  const r = spawnSync(
    'node',
    [
      join(root, 'bin/hindsight.js'),
      'generate',
      'examples/checkout-logs-metrics',
      '--format',
      'json',
      '--no-save',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  report = JSON.parse(r.stdout);
});

describe('checkout-logs-metrics: logs and metrics become the few events that matter', () => {
  it('reports the new error template when it first appeared, with its count, and not the steady noise', () => {
    const logs = report.timeline.filter((e) => e.kind === 'log');
    const first = logs.find((e) => e.attrs?.phase === 'first-seen');
    expect(first?.summary).toMatch(
      /^New error log template in checkout: "Connection pool exhausted after <\*> ms/,
    );
    expect(first?.ts.slice(0, 19)).toBe('2026-02-10T14:04:05');
    expect(first?.attrs?.new).toBe(true);
    expect(Number(first?.attrs?.count)).toBeGreaterThan(7000);
    expect(logs.some((e) => /request completed|Slow query/.test(e.summary))).toBe(false);
  });

  it('finds the error ratio onset and its return to baseline, and uses them as impact start and recovery', () => {
    const phases = report.timeline.filter((e) => e.kind === 'metric').map((e) => [e.attrs?.phase, e.ts]);
    expect(phases).toContainEqual(['onset', '2026-02-10T14:04:30.000Z']);
    expect(phases).toContainEqual(['recovered', '2026-02-10T14:41:30.000Z']);
    expect(report.moments.impactStart?.ts.slice(0, 19)).toBe('2026-02-10T14:04:05');
    expect(report.moments.recovered?.ts).toBe('2026-02-10T14:41:30.000Z');
    expect(report.moments.trigger?.ref).toBe('DEP-5120');
    expect(report.suspects[0].reasons.join(' ')).toMatch(/new log templates appeared after it/);
  });

  it('measures the impact: error rate 0.2 % to about 15 %, failed requests and error budget', () => {
    const i = report.impact;
    expect(i.errorRateBaseline).toBeGreaterThan(0.15);
    expect(i.errorRateBaseline).toBeLessThan(0.25);
    expect(i.errorRatePeak).toBeGreaterThan(15);
    expect(i.errorRatePeak).toBeLessThan(16);
    // 15 % of 200 req/s for about 37 minutes.
    expect(i.failedRequests).toBeGreaterThan(60_000);
    expect(i.failedRequests).toBeLessThan(72_000);
    // The 30-day budget at 99.9 % of 200 req/s is about 518k requests.
    expect(i.errorBudgetConsumedPercent).toBeGreaterThan(11);
    expect(i.errorBudgetConsumedPercent).toBeLessThan(14);
    expect(i.sloBreached).toBe(false);
  });

  it('lists the line cut off mid-write with its file and line, and counts every line read', () => {
    expect(report.dataQuality.problems).toEqual([
      { file: 'logs/checkout.log.gz', line: 2001, message: 'truncated or invalid JSON' },
    ]);
    expect(report.dataQuality.eventsRead).toBeGreaterThan(96_000);
  });
});
