import { describe, expect, it } from 'vitest';
import { axisTicks } from './time-axis.js';
import { timeScale } from './time-scale.js';

const H = 3_600_000;
const t0 = Date.parse('2026-03-12T16:00:00Z');

describe('timeScale', () => {
  it('maps times in order inside the range', () => {
    const s = timeScale([t0, t0 + H], { left: 100, right: 900 });
    expect(s.segments).toHaveLength(1);
    expect(s.x(t0)).toBeGreaterThan(100);
    expect(s.x(t0 + H)).toBeLessThan(900);
    expect(s.x(t0 + H / 2)).toBeCloseTo((s.x(t0) + s.x(t0 + H)) / 2, 5);
  });

  it('cuts out a long empty gap so an early change does not squeeze the incident', () => {
    const s = timeScale([t0 - 8 * H, t0, t0 + 0.5 * H, t0 + 2 * H], { left: 100, right: 900 });
    expect(s.segments).toHaveLength(2);
    expect(s.x(t0 + 2 * H) - s.x(t0)).toBeGreaterThan(600);
    expect(s.x(t0 - 4 * H)).toBeCloseTo((s.segments[0].x1 + s.segments[1].x0) / 2, 5);
  });

  it('keeps a gap that is a fair share of the time drawn', () => {
    expect(timeScale([t0, t0 + H, t0 + 2 * H], { left: 0, right: 800 }).segments).toHaveLength(1);
  });

  it('draws a single moment in the middle', () => {
    const s = timeScale([t0], { left: 0, right: 800 });
    expect(s.x(t0)).toBeCloseTo(400, 5);
  });
});

describe('axisTicks', () => {
  it('gives round UTC ticks spaced for reading, one in each segment', () => {
    const s = timeScale([t0 - 8 * H, t0, t0 + 2 * H], { left: 100, right: 900 });
    const ticks = axisTicks(s);
    expect(ticks.every((t) => t % 60_000 === 0)).toBe(true);
    for (const seg of s.segments) expect(ticks.some((t) => t >= seg.from && t <= seg.to)).toBe(true);
    const xs = ticks.map(s.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(38);
  });
});
