import { describe, expect, it } from 'vitest';
import { baselineBand } from './baseline-band.js';

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
