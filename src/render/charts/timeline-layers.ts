import { escapeHtml } from '../escape.js';
import { KIND_COLOURS } from '../kinds.js';
import { anchorId } from '../markdown.js';
import { laneOf } from './lanes.js';
import { isContext, markRadius, placeMarks } from './mark-placement.js';
import { tag, text, title } from './svg.js';
import { LABEL_ROW, LANE, LEFT, type TimelineLayout } from './timeline-layout.js';
import { utc } from './utc.js';

/** Striped lanes, each named at the left (long names shortened; the full name is the tooltip). */
export const laneRows = ({ lanes, lanesTop, width }: TimelineLayout) =>
  lanes.map((lane, i) => {
    const y = lanesTop + i * LANE;
    const name = lane.length > 20 ? `${lane.slice(0, 19)}…` : lane;
    const label = {
      x: LEFT - 10,
      y: y + LANE / 2 + 4,
      'text-anchor': 'end',
      'font-size': 12,
      fill: '#212529',
    };
    return tag(
      'g',
      { class: 'lane', 'data-lane': `s${i}` },
      tag('rect', { x: 0, y, width, height: LANE, fill: i % 2 ? '#ffffff' : '#f8f9fa' }),
      tag('text', label, title(lane), escapeHtml(name)),
    );
  });

/** The phases as shaded stretches behind the lanes. */
export const phaseShading = ({ phases, scale, lanesTop, lanesBottom }: TimelineLayout) =>
  phases.map((p) =>
    tag(
      'rect',
      {
        class: `phase phase-${p.name}`,
        x: scale.x(p.from),
        y: lanesTop,
        width: Math.max(1, scale.x(p.to) - scale.x(p.from)),
        height: lanesBottom - lanesTop,
        fill: p.colour,
        'fill-opacity': 0.12,
      },
      title(`${p.label}: ${utc(p.from)} to ${utc(p.to)}`),
    ),
  );

/** Each moment as a dashed line up to its label; the label links to the entry that set it. */
export const momentLines = ({ moments, lanesBottom }: TimelineLayout) =>
  moments.map((l) => {
    const y = 6 + l.row * LABEL_ROW;
    const at = { x: l.anchor === 'start' ? l.left : l.right, y: y + 10, 'text-anchor': l.anchor };
    return tag(
      l.ref ? 'a' : 'g',
      { class: 'moment', href: l.ref ? `#${anchorId(l.ref)}` : null },
      title(`${l.text}: ${utc(l.t)}`),
      tag('line', { x1: l.x, x2: l.x, y1: y, y2: lanesBottom, stroke: '#343a40', 'stroke-dasharray': '3 3' }),
      text({ ...at, 'font-size': 11, fill: '#212529' }, l.text),
    );
  });

/** One mark per event, coloured by kind, linking to its timeline row. */
export const eventMarks = ({ lanes, entries, scale, lanesTop }: TimelineLayout) =>
  lanes.flatMap((lane, i) => {
    const inLane = entries.filter((e) => laneOf(e) === lane);
    const { offsets, paintOrder } = placeMarks(inLane.map((e) => ({ x: scale.x(e.t), kind: e.kind })));
    return paintOrder.map((j) => {
      const e = inLane[j];
      return tag(
        'a',
        { href: `#${anchorId(e.ref)}`, class: 'mark', 'data-kind': e.kind, 'data-lane': `s${i}` },
        tag(
          'circle',
          {
            cx: scale.x(e.t),
            cy: lanesTop + i * LANE + LANE / 2 + offsets[j],
            r: markRadius(e.kind),
            fill: KIND_COLOURS[e.kind],
            // Context marks are pale; a grey rim keeps them visible on the shaded phases.
            stroke: isContext(e.kind) ? '#868e96' : '#ffffff',
            'stroke-width': isContext(e.kind) ? 1 : 1.5,
          },
          title(`${utc(e.t)} · ${e.kind} · ${e.ref}: ${e.summary}`),
        ),
      );
    });
  });
