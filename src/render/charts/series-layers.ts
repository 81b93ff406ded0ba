import { KIND_COLOURS } from '../kinds.js';
import { anchorId } from '../markdown.js';
import { LABEL_ROW, LEFT, MEASURE_NAMES, RIGHT, type SeriesLayout } from './series-layout.js';
import type { AnomalyPhase } from './series-markers.js';
import { valueAt } from './series-markers.js';
import { px, tag, text, title } from './svg.js';
import { utc } from './utc.js';
import { formatValue } from './value-scale.js';

const PHASE_COLOURS: Record<AnomalyPhase, string> = {
  onset: '#fd7e14',
  peak: '#dc3545',
  recovered: '#198754',
};
const GREEN = '#198754';

/** The measure, top left above the values: the unit of the axis (the figure's caption says the rest). */
export const axisTitle = ({ series }: SeriesLayout) => {
  const name = MEASURE_NAMES[series.measure] === 'value' ? series.name : MEASURE_NAMES[series.measure];
  return text(
    { x: 8, y: 18, 'font-size': 12, 'font-weight': 600, fill: '#212529' },
    name.length > 19 ? `${name.slice(0, 18)}…` : name,
  );
};

/** Horizontal grid lines with their values. */
export const valueGrid = ({ ys, width }: SeriesLayout) =>
  ys.ticks.map((v) =>
    [
      tag('line', {
        x1: LEFT,
        x2: width - RIGHT,
        y1: ys.y(v),
        y2: ys.y(v),
        stroke: '#e9ecef',
        'shape-rendering': 'crispEdges',
      }),
      text(
        { x: LEFT - 8, y: ys.y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#495057' },
        formatValue(v),
      ),
    ].join(''),
  );

/** The normal range as a green band with the baseline dashed through it. */
export function baselineLayer({ band, ys, width }: SeriesLayout): string {
  if (!band) return '';
  const [low, high, centre] = [ys.y(band.low), ys.y(band.high), ys.y(band.centre)];
  return tag(
    'g',
    { class: 'baseline' },
    title(
      `baseline ${formatValue(band.centre)} (normal range ${formatValue(band.low)}–${formatValue(band.high)})`,
    ),
    tag('rect', {
      x: LEFT,
      y: high,
      width: width - RIGHT - LEFT,
      height: Math.max(1, low - high),
      fill: GREEN,
      'fill-opacity': 0.14,
    }),
    tag('line', {
      x1: LEFT,
      x2: width - RIGHT,
      y1: centre,
      y2: centre,
      stroke: GREEN,
      'stroke-dasharray': '4 3',
    }),
    text(
      { x: width - RIGHT - 4, y: high - 3, 'text-anchor': 'end', 'font-size': 10, fill: GREEN },
      'baseline',
    ),
  );
}

/** Each change or rollback as a dashed vertical line with its ref on top, linking to its row. */
export const changeMarkers = ({ changes, bottom }: SeriesLayout) =>
  changes.map((l) => {
    const y = 8 + l.row * LABEL_ROW;
    const colour = KIND_COLOURS[l.entry.kind];
    const at = { x: l.anchor === 'start' ? l.left : l.right, y: y + 10, 'text-anchor': l.anchor };
    return tag(
      'a',
      { href: `#${anchorId(l.entry.ref)}`, class: 'change-marker', 'data-kind': l.entry.kind },
      title(`${utc(l.entry.ts)} · ${l.entry.kind} · ${l.entry.ref}: ${l.entry.summary}`),
      tag('line', {
        x1: l.x,
        x2: l.x,
        y1: y,
        y2: bottom,
        stroke: colour,
        'stroke-width': 1.5,
        'stroke-dasharray': '5 3',
      }),
      text({ ...at, 'font-size': 11, fill: colour }, l.text),
    );
  });

/** The series as a path; a missing value breaks it rather than drawing a false slope. */
export function seriesLine({ series, scale, ys }: SeriesLayout): string {
  let pen = 'M';
  const d = series.points
    .map(([t, v]) => {
      if (!Number.isFinite(v)) {
        pen = 'M';
        return '';
      }
      const step = `${pen}${px(scale.x(t))} ${px(ys.y(v))}`;
      pen = 'L';
      return step;
    })
    .join('');
  return tag('path', {
    class: 'series-line',
    d,
    fill: 'none',
    stroke: '#0d6efd',
    'stroke-width': 2,
    'stroke-linejoin': 'round',
  });
}

/** Onset, peak and recovery as coloured dots on the line, each linking to its metric event. */
export const anomalyMarks = ({ series, markers, scale, ys }: SeriesLayout) =>
  markers.map((m) => {
    const v = m.value ?? valueAt(series.points, m.t) ?? 0;
    const [x, y] = [scale.x(m.t), ys.y(v)];
    const colour = PHASE_COLOURS[m.phase];
    return tag(
      'a',
      { href: `#${anchorId(m.ref)}`, class: `anomaly anomaly-${m.phase}` },
      title(`${utc(m.t)} · ${m.phase} ${formatValue(v)}: ${m.summary}`),
      tag('circle', { cx: x, cy: y, r: 5, fill: colour, stroke: '#ffffff', 'stroke-width': 1.5 }),
      text(
        { x, y: y - 9, 'text-anchor': 'middle', 'font-size': 11, fill: colour },
        m.phase === 'peak' ? `peak ${formatValue(v)}` : m.phase,
      ),
    );
  });
