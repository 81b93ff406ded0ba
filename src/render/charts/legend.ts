import type { EventKind } from '../../model/index.js';
import { KIND_COLOURS } from '../kinds.js';
import { isContext } from './mark-placement.js';
import type { Phase } from './phases.js';
import { tag, text } from './svg.js';

export interface LegendOptions {
  x: number;
  y: number;
  maxX: number;
}

const ROW = 16;

/** Kinds as coloured dots and phases as shaded boxes, flowing into as many rows as the width needs. */
export function legend(kinds: EventKind[], phases: Phase[], { x, y, maxX }: LegendOptions) {
  const items = [
    ...kinds.map((k) => ({
      label: k.replace('_', ' '),
      key: tag('circle', {
        cx: 5,
        cy: -4,
        r: 5,
        fill: KIND_COLOURS[k],
        stroke: isContext(k) ? '#868e96' : null,
      }),
    })),
    ...phases.map((p) => ({
      label: p.label,
      key: tag('rect', {
        x: 0,
        y: -9,
        width: 12,
        height: 10,
        fill: p.colour,
        'fill-opacity': 0.18,
        stroke: p.colour,
      }),
    })),
  ];
  let cx = x;
  let row = 0;
  const parts = items.map((item) => {
    const width = 18 + item.label.length * 6.2 + 14;
    if (cx + width > maxX && cx > x) {
      cx = x;
      row += 1;
    }
    const at = `translate(${cx.toFixed(1)} ${y + row * ROW})`;
    cx += width;
    return tag(
      'g',
      { transform: at },
      item.key,
      text({ x: 18, y: 0, 'font-size': 11, fill: '#495057' }, item.label),
    );
  });
  return { svg: tag('g', { class: 'legend' }, ...parts), height: (row + 1) * ROW };
}
