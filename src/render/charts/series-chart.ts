import type { Measure, Series, TimelineEntry } from '../../model/index.js';
import { formatTime } from '../../report/index.js';
import { KIND_COLOURS } from '../kinds.js';
import { anchorId } from '../markdown.js';
import { baselineBand } from './baseline-band.js';
import { layoutLabels } from './label-layout.js';
import { type AnomalyPhase, anomalyMarkers, changesWithin, valueAt } from './series-markers.js';
import { figure, px, tag, text, title } from './svg.js';
import { axisRows, timeAxis } from './time-axis.js';
import { type TimeScale, timeScale } from './time-scale.js';
import { formatValue, valueScale } from './value-scale.js';

const LEFT = 140;
const RIGHT = 16;
const PLOT = 150;
const LABEL_ROW = 14;

export const MEASURE_NAMES: Record<Measure, string> = {
  errorRate: 'error rate',
  latencyMs: 'latency (ms)',
  requestRate: 'request rate',
  saturation: 'saturation',
  errorCount: 'errors',
  other: 'value',
};

const PHASE_COLOURS: Record<AnomalyPhase, string> = {
  onset: '#fd7e14',
  peak: '#dc3545',
  recovered: '#198754',
};

/** The line as a path; a missing value breaks it rather than drawing a false slope. */
function linePath(points: [number, number][], x: (t: number) => number, y: (v: number) => number): string {
  let pen = 'M';
  return points
    .map(([t, v]) => {
      if (!Number.isFinite(v)) {
        pen = 'M';
        return '';
      }
      const step = `${pen}${px(x(t))} ${px(y(v))}`;
      pen = 'L';
      return step;
    })
    .join('');
}

export interface SeriesChartOptions {
  entries: TimelineEntry[];
  zone: string;
  /** Times every chart of the report shares, so they line up; defaults to the series' own. */
  window?: [number, number];
  width?: number;
}

/**
 * One metric series as a line chart: its baseline band, onset/peak/recovery markers from the
 * metric events, and the changes in the window as vertical markers, each a link to its timeline row.
 */
export function seriesChart(
  series: Series,
  { entries, zone, window, width = 960 }: SeriesChartOptions,
): string {
  const points = series.points;
  if (!points.length) return '';
  const [from, to] = window ?? [points[0][0], points[points.length - 1][0]];
  const scale: TimeScale = timeScale([from, to], {
    left: LEFT,
    right: width - RIGHT,
    minBreakMs: Number.POSITIVE_INFINITY,
  });
  const markers = anomalyMarkers(series, entries);
  const onset = markers.find((m) => m.phase === 'onset');
  const band = baselineBand(points, {
    onset: onset?.t ?? null,
    baseline: onset?.baseline ?? markers[0]?.baseline ?? null,
  });
  const changes = changesWithin(entries, scale.segments[0].from, scale.segments[0].to);
  const labels = layoutLabels(
    changes.map((c) => ({ x: scale.x(Date.parse(c.ts)), text: c.ref, entry: c })),
    { maxX: width - RIGHT },
  );
  const top = 8 + Math.max(1, ...labels.map((l) => l.row + 1)) * LABEL_ROW + 4;
  const bottom = top + PLOT;
  const values = [
    ...points.map(([, v]) => v),
    ...(band ? [band.high] : []),
    ...markers.map((m) => m.value ?? 0),
  ];
  const ys = valueScale(values, { top: top + 8, bottom });
  const height = bottom + axisRows(zone) * 13 + 16;
  const name = MEASURE_NAMES[series.measure];
  const heading = `${name === 'value' ? series.name : name}${series.service ? ` · ${series.service}` : ''}`;

  const grid = ys.ticks.map((v) =>
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
  const baseline = band
    ? tag(
        'g',
        { class: 'baseline' },
        title(
          `baseline ${formatValue(band.centre)} (normal range ${formatValue(band.low)}–${formatValue(band.high)})`,
        ),
        tag('rect', {
          x: LEFT,
          y: ys.y(band.high),
          width: width - RIGHT - LEFT,
          height: Math.max(1, ys.y(band.low) - ys.y(band.high)),
          fill: '#198754',
          'fill-opacity': 0.14,
        }),
        tag('line', {
          x1: LEFT,
          x2: width - RIGHT,
          y1: ys.y(band.centre),
          y2: ys.y(band.centre),
          stroke: '#198754',
          'stroke-dasharray': '4 3',
        }),
        text(
          {
            x: width - RIGHT - 4,
            y: ys.y(band.high) - 3,
            'text-anchor': 'end',
            'font-size': 10,
            fill: '#198754',
          },
          'baseline',
        ),
      )
    : '';
  const changeMarks = labels.map((l) =>
    tag(
      'a',
      { href: `#${anchorId(l.entry.ref)}`, class: 'change-marker', 'data-kind': l.entry.kind },
      title(`${formatTime(l.entry.ts, 'UTC')} UTC · ${l.entry.kind} · ${l.entry.ref}: ${l.entry.summary}`),
      tag('line', {
        x1: l.x,
        x2: l.x,
        y1: 8 + l.row * LABEL_ROW,
        y2: bottom,
        stroke: KIND_COLOURS[l.entry.kind],
        'stroke-width': 1.5,
        'stroke-dasharray': '5 3',
      }),
      text(
        {
          x: l.anchor === 'start' ? l.left : l.right,
          y: 8 + l.row * LABEL_ROW + 10,
          'text-anchor': l.anchor,
          'font-size': 11,
          fill: KIND_COLOURS[l.entry.kind],
        },
        l.text,
      ),
    ),
  );
  const line = tag('path', {
    class: 'series-line',
    d: linePath(points, scale.x, ys.y),
    fill: 'none',
    stroke: '#0d6efd',
    'stroke-width': 2,
    'stroke-linejoin': 'round',
  });
  const anomaly = markers.map((m) => {
    const v = m.value ?? valueAt(points, m.t) ?? 0;
    const label = m.phase === 'peak' ? `peak ${formatValue(v)}` : m.phase;
    return tag(
      'a',
      { href: `#${anchorId(m.ref)}`, class: `anomaly anomaly-${m.phase}` },
      title(
        `${formatTime(new Date(m.t).toISOString(), 'UTC')} UTC · ${m.phase} ${formatValue(v)}: ${m.summary}`,
      ),
      tag('circle', {
        cx: scale.x(m.t),
        cy: ys.y(v),
        r: 5,
        fill: PHASE_COLOURS[m.phase],
        stroke: '#ffffff',
        'stroke-width': 1.5,
      }),
      text(
        {
          x: scale.x(m.t),
          y: ys.y(v) - 9,
          'text-anchor': 'middle',
          'font-size': 11,
          fill: PHASE_COLOURS[m.phase],
        },
        label,
      ),
    );
  });
  const caption = text(
    { x: 8, y: 18, 'font-size': 12, 'font-weight': 600, fill: '#212529' },
    heading.length > 19 ? `${heading.slice(0, 18)}…` : heading,
  );
  return figure(
    {
      width,
      height,
      className: 'chart series-chart',
      label: `Metric chart: ${heading}`,
      description: `${series.name}: ${points.length} points from ${formatTime(new Date(points[0][0]).toISOString(), 'UTC')} to ${formatTime(new Date(points[points.length - 1][0]).toISOString(), 'UTC')} UTC${band ? `, baseline ${formatValue(band.centre)}` : ''}; ${markers.map((m) => m.phase).join(', ') || 'no anomaly marked'}; ${changes.length} changes.`,
    },
    [
      caption,
      ...grid,
      baseline,
      timeAxis(scale, { top, axisY: bottom, captionX: LEFT - 8, zone }),
      ...changeMarks,
      line,
      ...anomaly,
    ].join(''),
  );
}

/** Every series on one shared time window, in the report's order. */
export function seriesCharts(all: Series[], options: Omit<SeriesChartOptions, 'window'>): string[] {
  const times = all.flatMap((s) =>
    s.points.length ? [s.points[0][0], s.points[s.points.length - 1][0]] : [],
  );
  if (!times.length) return [];
  const window: [number, number] = [Math.min(...times), Math.max(...times)];
  return all.map((s) => seriesChart(s, { ...options, window })).filter(Boolean);
}
