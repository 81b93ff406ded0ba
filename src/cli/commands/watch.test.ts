import { describe, expect, it } from 'vitest';
import { watchSettings } from './watch.js';

const base = { out: 'bundle', health: ['http://127.0.0.1:8080/health'], save: true };

describe('the options of hindsight watch', () => {
  it('has sensible defaults: 5s interval, 3 failures, 1m settle, 5m watch', () => {
    const s = watchSettings(base);
    expect(s).toMatchObject({ intervalMs: 5000, timeoutMs: 5000, rollbackTimeoutMs: 120_000 });
    expect(s.rule).toEqual({
      failures: 3,
      errorRateAbove: undefined,
      forMs: 60_000,
      settleMs: 60_000,
      watchMs: 300_000,
      recoverWithinMs: 180_000,
    });
  });

  it('reads short durations and a per-request timeout no longer than the interval', () => {
    const s = watchSettings({ ...base, interval: '200ms', settle: '1s', recoverWithin: '3s' });
    expect(s).toMatchObject({ intervalMs: 200, timeoutMs: 200 });
    expect(s.rule).toMatchObject({ settleMs: 1000, recoverWithinMs: 3000 });
  });

  it('reads the error-rate rule from a named Prometheus query', () => {
    const s = watchSettings({
      ...base,
      prometheus: 'http://127.0.0.1:9090',
      query: [
        "errorRate=sum(rate(http_requests_total{code=~'5..'}[1m]))",
        'latency=histogram_quantile(0.99, x)',
      ],
      errorRateAbove: '0.05',
      for: '30s',
    });
    expect(s.queries).toEqual({
      errorRate: "sum(rate(http_requests_total{code=~'5..'}[1m]))",
      latency: 'histogram_quantile(0.99, x)',
    });
    expect(s).toMatchObject({ errorRateQuery: 'errorRate', rule: { errorRateAbove: 0.05, forMs: 30_000 } });
  });

  it('refuses what it cannot use, naming the option', () => {
    const bad: Array<[object, string]> = [
      [{ health: [] }, '--health: give at least one health URL to check'],
      [{ health: ['localhost:8080'] }, "--health: 'localhost:8080' is not an http:// or https:// URL"],
      [{ query: ['errorRate=up'] }, '--query: needs --prometheus URL'],
      [{ prometheus: 'http://p:9090', query: ['=up'] }, "--query: '=up' is not name='PromQL'"],
      [{ prometheus: 'http://p:9090', query: ['../x=up'] }, "--query: '../x=up' is not name='PromQL'"],
      [{ prometheus: 'http://p:9090' }, "--prometheus: needs at least one --query name='PromQL'"],
      [
        { prometheus: 'http://p:9090', query: ['a=x', 'b=y'], errorRateAbove: '0.1' },
        '--error-rate-above: name the query it reads with --error-rate-query',
      ],
      [
        { prometheus: 'http://p:9090', query: ['a=x'], errorRateAbove: 'high' },
        "--error-rate-above: 'high' is not a number (0.05)",
      ],
      [{ failures: '0' }, "--failures: '0' is not a positive whole number"],
      [{ settle: '-1s' }, "--settle: '-1s' is not a duration (200ms, 5s, 2m, 1h)"],
    ];
    for (const [given, message] of bad) expect(() => watchSettings({ ...base, ...given })).toThrow(message);
  });
});
