import { describe, expect, it } from 'vitest';
import { placeMarks } from './mark-placement.js';

describe('placeMarks', () => {
  it('keeps marks far apart on the centre row', () => {
    expect(
      placeMarks([
        { x: 100, kind: 'alert' },
        { x: 200, kind: 'page' },
      ]).offsets,
    ).toEqual([0, 0]);
  });

  it('moves marks close in time to the rows beside the centre', () => {
    const { offsets } = placeMarks([
      { x: 100, kind: 'alert' },
      { x: 104, kind: 'page' },
      { x: 108, kind: 'ack' },
    ]);
    expect(new Set(offsets)).toEqual(new Set([0, -8, 8]));
  });

  it('gives the centre to the change, not to the logs around it, and paints it last', () => {
    const marks = [
      { x: 100, kind: 'log' as const },
      { x: 101, kind: 'log' as const },
      { x: 102, kind: 'change' as const },
      { x: 103, kind: 'log' as const },
    ];
    const { offsets, paintOrder } = placeMarks(marks);
    expect(offsets[2]).toBe(0);
    expect(paintOrder.at(-1)).toBe(2);
    expect([...paintOrder].sort()).toEqual([0, 1, 2, 3]);
  });
});
