import { EventKind, MomentName, type Report } from '../../model/index.js';
import { formatTime } from '../../report/index.js';
import { escapeHtml } from '../escape.js';
import { KIND_COLOURS } from '../kinds.js';
import { anchorId } from '../markdown.js';
import { layoutLabels } from './label-layout.js';
import { laneOf, lanesOf } from './lanes.js';
import { legend } from './legend.js';
import { MOMENT_LABELS, phasesOf } from './phases.js';
import { figure, tag, text, title } from './svg.js';
import { axisRows, timeAxis } from './time-axis.js';
import { timeScale } from './time-scale.js';

export type TimelineChartInput = Pick<Report, 'timeline' | 'moments' | 'zone'>;

const LEFT = 140;
const RIGHT = 16;
const LANE = 30;
const LABEL_ROW = 14;
const RADIUS = 5.5;
const DODGE = [0, -8, 8];

/** Moments at the same spot share one line and one label. */
function momentGroups(r: TimelineChartInput, x: (t: number) => number) {
  const groups: { x: number; t: number; text: string; ref: string | null }[] = [];
  for (const name of MomentName.options) {
    const m = r.moments[name];
    if (!m) continue;
    const t = Date.parse(m.ts);
    const same = groups.find((g) => Math.abs(g.x - x(t)) < 1.5);
    if (same) same.text += ` · ${MOMENT_LABELS[name]}`;
    else groups.push({ x: x(t), t, text: MOMENT_LABELS[name], ref: m.ref });
  }
  return groups;
}

/** Vertical offsets within a lane so that marks close in time sit side by side, not on top. */
function dodge(xs: number[]): number[] {
  const lastX = DODGE.map(() => Number.NEGATIVE_INFINITY);
  return xs.map((x) => {
    let slot = lastX.findIndex((last) => x - last >= RADIUS * 2 + 1);
    if (slot === -1) slot = lastX.indexOf(Math.min(...lastX));
    lastX[slot] = x;
    return DODGE[slot];
  });
}

/**
 * The incident at a glance: one lane per service, events as marks coloured by kind (each a link to
 * its timeline row), phases shaded, moments as labelled lines, a UTC (and local) time axis.
 */
export function timelineChart(r: TimelineChartInput, { width = 960 } = {}): string {
  if (!r.timeline.length) return '';
  const entries = [...r.timeline].map((e) => ({ ...e, t: Date.parse(e.ts) })).sort((a, b) => a.t - b.t);
  const lanes = lanesOf(r.timeline);
  const momentTimes = MomentName.options.flatMap((n) => (r.moments[n] ? [Date.parse(r.moments[n].ts)] : []));
  const scale = timeScale([...entries.map((e) => e.t), ...momentTimes], { left: LEFT, right: width - RIGHT });
  const labels = layoutLabels(momentGroups(r, scale.x), { maxX: width - RIGHT });
  const rows = Math.max(0, ...labels.map((l) => l.row + 1));
  const lanesTop = 6 + rows * LABEL_ROW + 6;
  const lanesBottom = lanesTop + lanes.length * LANE;
  const axisY = lanesBottom + 2;
  const phases = phasesOf(r.moments);
  const kinds = EventKind.options.filter((k) => entries.some((e) => e.kind === k));
  const key = legend(kinds, phases, { x: LEFT, y: axisY + axisRows(r.zone) * 13 + 26, maxX: width - RIGHT });
  const height = axisY + axisRows(r.zone) * 13 + 26 + key.height;

  const laneRows = lanes.map((lane, i) => {
    const y = lanesTop + i * LANE;
    const name = lane.length > 20 ? `${lane.slice(0, 19)}…` : lane;
    return tag(
      'g',
      { class: 'lane', 'data-lane': `s${i}` },
      tag('rect', { x: 0, y, width, height: LANE, fill: i % 2 ? '#ffffff' : '#f8f9fa' }),
      tag(
        'text',
        { x: LEFT - 10, y: y + LANE / 2 + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#212529' },
        title(lane),
        escapeHtml(name),
      ),
    );
  });
  const shading = phases.map((p) =>
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
      title(
        `${p.label}: ${formatTime(new Date(p.from).toISOString(), 'UTC')} to ${formatTime(new Date(p.to).toISOString(), 'UTC')} UTC`,
      ),
    ),
  );
  const moments = labels.map((l) => {
    const y = 6 + l.row * LABEL_ROW;
    return tag(
      'g',
      { class: 'moment' },
      title(`${l.text}: ${formatTime(new Date(l.t).toISOString(), 'UTC')} UTC`),
      tag('line', { x1: l.x, x2: l.x, y1: y, y2: lanesBottom, stroke: '#343a40', 'stroke-dasharray': '3 3' }),
      text(
        {
          x: l.anchor === 'start' ? l.left : l.right,
          y: y + 10,
          'text-anchor': l.anchor,
          'font-size': 11,
          fill: '#212529',
        },
        l.text,
      ),
    );
  });
  const marks = lanes.flatMap((lane, i) => {
    const inLane = entries.filter((e) => laneOf(e) === lane);
    const offsets = dodge(inLane.map((e) => scale.x(e.t)));
    return inLane.map((e, j) =>
      tag(
        'a',
        { href: `#${anchorId(e.ref)}`, class: 'mark', 'data-kind': e.kind, 'data-lane': `s${i}` },
        tag(
          'circle',
          {
            cx: scale.x(e.t),
            cy: lanesTop + i * LANE + LANE / 2 + offsets[j],
            r: RADIUS,
            fill: KIND_COLOURS[e.kind],
            stroke: '#ffffff',
            'stroke-width': 1.5,
          },
          title(`${formatTime(e.ts, 'UTC')} UTC · ${e.kind} · ${e.ref}: ${e.summary}`),
        ),
      ),
    );
  });
  const first = formatTime(entries[0].ts, 'UTC');
  const last = formatTime(entries[entries.length - 1].ts, 'UTC');
  return figure(
    {
      width,
      height,
      className: 'chart timeline-chart',
      label: 'Incident timeline chart',
      description: `${entries.length} events in ${lanes.length} lanes (${lanes.join(', ')}) from ${first} to ${last} UTC. Phases: ${phases.map((p) => p.label).join(', ') || 'none'}.`,
    },
    [
      ...laneRows,
      ...shading,
      timeAxis(scale, { top: lanesTop, axisY, captionX: LEFT - 26, zone: r.zone }),
      ...moments,
      ...marks,
      key.svg,
    ].join(''),
  );
}
