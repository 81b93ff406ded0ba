import { describe, expect, it } from 'vitest';
import { layoutLabels } from './label-layout.js';

const overlap = (a: { left: number; right: number }, b: { left: number; right: number }) =>
  a.left < b.right && b.left < a.right;

describe('layoutLabels', () => {
  it('keeps labels far apart on one row', () => {
    const placed = layoutLabels(
      [
        { x: 100, text: 'trigger' },
        { x: 400, text: 'detected' },
      ],
      { maxX: 900 },
    );
    expect(placed.map((p) => p.row)).toEqual([0, 0]);
  });

  it('stacks labels that would overlap, and no two labels in a row overlap', () => {
    const placed = layoutLabels(
      ['impact start', 'detected', 'acknowledged', 'declared', 'mitigation'].map((text, i) => ({
        x: 300 + i * 10,
        text,
      })),
      { maxX: 900 },
    );
    expect(new Set(placed.map((p) => p.row)).size).toBeGreaterThan(1);
    for (const a of placed)
      for (const b of placed) if (a !== b && a.row === b.row) expect(overlap(a, b)).toBe(false);
  });

  it('turns a label left at the right edge', () => {
    const [p] = layoutLabels([{ x: 890, text: 'closed' }], { maxX: 900 });
    expect(p.anchor).toBe('end');
    expect(p.right).toBeLessThanOrEqual(890);
  });
});
