import { describe, expect, it } from 'vitest';
import { baselineBand } from './baseline-band.js';
import { valueAt } from './series-markers.js';
import { formatValue, valueScale } from './value-scale.js';

const pts = (values: number[]): [number, number][] => values.map((v, i) => [i * 60_000, v]);

describe('baselineBand', () => {
  it('is the normal range before the onset, centred on the stated baseline', () => {
    const band = baselineBand(pts([1, 2, 3, 2, 1, 2, 50, 60, 2]), { onset: 6 * 60_000, baseline: 2 });
    expect(band).toEqual({ low: 1, high: 3, centre: 2 });
  });

  it('uses the first quarter when no onset is known', () => {
    const band = baselineBand(pts([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 90, 90, 90, 90]));
    expect(band?.centre).toBe(5);
  });

  it('falls back to the stated baseline, and to nothing, with too few points', () => {
    expect(baselineBand(pts([1, 9]), { onset: 60_000, baseline: 1 })).toEqual({ low: 1, high: 1, centre: 1 });
    expect(baselineBand(pts([1, 9]), { onset: 60_000 })).toBeNull();
  });
});

describe('valueScale and valueAt', () => {
  it('starts at zero and ends on a round tick above the highest value', () => {
    const s = valueScale([0.004, 0.14], { top: 0, bottom: 100 });
    expect(s.ticks[0]).toBe(0);
    expect(s.ticks.at(-1)).toBeGreaterThanOrEqual(0.14);
    expect(s.y(0)).toBe(100);
    expect(s.y(s.ticks.at(-1)!)).toBeCloseTo(0, 5);
  });

  it('interpolates between points', () => {
    expect(valueAt(pts([0, 10]), 30_000)).toBe(5);
  });

  it('writes values as people read them', () => {
    expect([0.014, 1.5, 42, 1250, 3_400_000].map(formatValue)).toEqual([
      '0.014',
      '1.5',
      '42',
      '1,250',
      '3.4M',
    ]);
  });
});
