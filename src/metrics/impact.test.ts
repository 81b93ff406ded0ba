import { describe, expect, it } from 'vitest';
import { at, errorRatio } from '../../test/support/series.js';
import { Manifest, type Series } from '../model/index.js';
import { impactFromSeries } from './impact.js';

const errors = errorRatio();
const requests: Series = {
  ...errors,
  name: 'rps',
  measure: 'requestRate',
  points: errors.points.map(([t]) => [t, 200]),
};
const latency: Series = {
  ...errors,
  name: 'p99_seconds',
  measure: 'latencyMs',
  points: errors.points.map(([t], i) => [t, i >= 64 && i <= 101 ? 2400 : 180]),
};
const manifest = Manifest.parse({ slo: [{ name: 'availability', objective: 99.9, window: '30d' }] });
const window = { start: at(64), end: at(102) };

describe('impactFromSeries', () => {
  it('gives error rates in percent, latency in ms, failed requests and the error budget spent', () => {
    const impact = impactFromSeries([errors, requests, latency], manifest, window);
    expect(impact.errorRatePeak).toBeCloseTo(15, 6);
    expect(impact.errorRateBaseline).toBeCloseTo(0.22, 6);
    expect(impact).toMatchObject({ latencyPeakMs: 2400, latencyBaselineMs: 180 });
    // 37 minutes at 12 %, one at 15 %, one back at 0.2 %, each × 200/s × 60 s.
    expect(impact.failedRequests).toBe(Math.round((37 * 0.12 + 0.15 + 0.002) * 200 * 60));
    // Budget: 0.1 % of 200/s over 30 days = 518,400 requests.
    expect(impact.errorBudgetConsumedPercent).toBeCloseTo((impact.failedRequests! / 518_400) * 100, 6);
    expect(impact.sloBreached).toBe(false);
  });

  it('falls back to a time budget without a request series', () => {
    const impact = impactFromSeries([errors], manifest, window);
    expect(impact.failedRequests).toBeUndefined();
    // 39 minutes above 0.1 % (the recovered minute at 0.2 % too) out of 0.1 % of 30 days (43.2 minutes).
    expect(impact.errorBudgetConsumedPercent).toBeCloseTo((39 / 43.2) * 100, 6);
    expect(impact.sloBreached).toBe(false);
  });

  it('reads percent series as percent and leaves unknown figures out', () => {
    const percent: Series = { ...errors, points: errors.points.map(([t, v]) => [t, v * 100]) };
    const impact = impactFromSeries([percent], Manifest.parse({}), window);
    expect(impact.errorRatePeak).toBeCloseTo(15, 6);
    expect(impact.errorBudgetConsumedPercent).toBeUndefined();
    expect(impact.latencyPeakMs).toBeUndefined();
  });
});
