import { describe, expect, it } from 'vitest';
import { at, errorRatio } from '../../test/support/series.js';
import type { Series } from '../model/index.js';
import { metricEvents } from './anomaly.js';

describe('metricEvents', () => {
  const events = metricEvents([errorRatio()], { baselineEnd: at(60) });

  it('finds onset, peak and recovery with their values and the baseline', () => {
    expect(events.map((e) => [e.attrs?.phase, e.ts, e.attrs?.value])).toEqual([
      ['onset', at(64), 0.12],
      ['peak', at(80), 0.15],
      ['recovered', at(102), 0.002],
    ]);
    expect(events[0].attrs).toMatchObject({ baseline: 0.0022, measure: 'errorRate' });
    expect(events[0]).toMatchObject({
      kind: 'metric',
      service: 'checkout',
      source: { file: 'metrics/errors.json' },
    });
  });

  it('writes ratios as percentages in summaries', () => {
    expect(events[1].summary).toBe('Error rate checkout_5xx_ratio peaked at 15 % (baseline 0.22 %)');
  });

  it('ignores a single-point spike and a series without episodes', () => {
    const spike = errorRatio({ from: 70, to: 70 });
    expect(metricEvents([spike], { baselineEnd: at(60) })).toEqual([]);
  });

  it('reports no recovery when the series ends anomalous', () => {
    const open = metricEvents([errorRatio({ to: 200 })], { baselineEnd: at(60) });
    expect(open.map((e) => e.attrs?.phase)).toEqual(['onset', 'peak']);
  });

  it('uses the first part of the series as baseline when no end is given', () => {
    expect(metricEvents([errorRatio()], { baselineEnd: null })[0].ts).toBe(at(64));
  });

  it('flags a drop in request rate, not in error rate', () => {
    const requests: Series = {
      ...errorRatio(),
      name: 'rps',
      measure: 'requestRate',
      points: errorRatio().points.map(([t], i) => [t, i >= 64 && i <= 101 ? 20 : 200]),
    };
    expect(metricEvents([requests], { baselineEnd: at(60) })[0].attrs).toMatchObject({
      phase: 'onset',
      value: 20,
    });
    const lower: Series = {
      ...requests,
      measure: 'errorRate',
      points: requests.points.map(([t, v]) => [t, v / 1000]),
    };
    expect(metricEvents([lower], { baselineEnd: at(60) })).toEqual([]);
  });
});
