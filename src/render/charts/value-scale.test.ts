import { describe, expect, it } from 'vitest';
import { formatValue, valueScale } from './value-scale.js';

describe('valueScale', () => {
  it('starts at zero and ends on a round tick above the highest value', () => {
    const s = valueScale([0.004, 0.14], { top: 0, bottom: 100 });
    expect(s.ticks[0]).toBe(0);
    expect(s.ticks.at(-1)).toBeGreaterThanOrEqual(0.14);
    expect(s.y(0)).toBe(100);
    expect(s.y(s.ticks.at(-1)!)).toBeCloseTo(0, 5);
  });

  it('gives a flat series a readable axis', () => {
    expect(valueScale([0, 0, 0], { top: 0, bottom: 100 }).ticks).toEqual([0, 0.5, 1]);
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
