import { describe, expect, it } from 'vitest';
import { anomalyEntries, entry, errorRateSeries } from '../../../test/support/report.js';
import { anomalyMarkers, valueAt } from './series-markers.js';

const pts = (values: number[]): [number, number][] => values.map((v, i) => [i * 60_000, v]);

describe('anomalyMarkers', () => {
  it('ignores metric events of another measure or service', () => {
    const other = [
      entry(20, 'metric', 'LAT', { attrs: { phase: 'onset', measure: 'latencyMs' } }),
      entry(20, 'metric', 'PAY', {
        service: 'payments-api',
        attrs: { phase: 'onset', measure: 'errorRate' },
      }),
      entry(20, 'metric', 'PLAIN'),
    ];
    expect(anomalyMarkers(errorRateSeries(), other)).toEqual([]);
    expect(anomalyMarkers(errorRateSeries(), anomalyEntries()).map((m) => m.phase)).toEqual([
      'onset',
      'peak',
      'recovered',
    ]);
  });
});

describe('valueAt', () => {
  it('interpolates between points', () => {
    expect(valueAt(pts([0, 10]), 30_000)).toBe(5);
  });
});
