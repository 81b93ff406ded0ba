import type { Measure, Series, TimelineEntry } from '../../model/index.js';
import { type BaselineBand, baselineBand } from './baseline-band.js';
import { layoutLabels, type PlacedLabel } from './label-layout.js';
import { type AnomalyMarker, anomalyMarkers, changesWithin } from './series-markers.js';
import { axisRows } from './time-axis.js';
import { type TimeScale, timeScale } from './time-scale.js';
import { type ValueScale, valueScale } from './value-scale.js';

export const LEFT = 140;
export const RIGHT = 16;
export const LABEL_ROW = 14;
const PLOT = 150;

export const MEASURE_NAMES: Record<Measure, string> = {
  errorRate: 'error rate',
  latencyMs: 'latency (ms)',
  requestRate: 'request rate',
  saturation: 'saturation',
  errorCount: 'errors',
  other: 'value',
};

/** What a series measures and where: "error rate · checkout". */
export function seriesHeading(series: Series): string {
  const name = MEASURE_NAMES[series.measure];
  return `${name === 'value' ? series.name : name}${series.service ? ` · ${series.service}` : ''}`;
}

export interface SeriesChartOptions {
  entries: TimelineEntry[];
  zone: string;
  /** Times every chart of the report shares, so they line up; defaults to the series' own. */
  window?: [number, number];
  width?: number;
}

/** Where everything of a series chart goes; computed once, then drawn layer by layer. */
export interface SeriesLayout {
  series: Series;
  width: number;
  heading: string;
  scale: TimeScale;
  ys: ValueScale;
  band: BaselineBand | null;
  markers: AnomalyMarker[];
  changes: PlacedLabel<{ x: number; text: string; entry: TimelineEntry }>[];
  top: number;
  bottom: number;
  height: number;
}

export function seriesLayout(
  series: Series,
  { entries, zone, window, width = 960 }: SeriesChartOptions,
): SeriesLayout {
  const points = series.points;
  const [from, to] = window ?? [points[0][0], points[points.length - 1][0]];
  // A series is continuous: never cut its axis.
  const scale = timeScale([from, to], {
    left: LEFT,
    right: width - RIGHT,
    minBreakMs: Number.POSITIVE_INFINITY,
  });
  const markers = anomalyMarkers(series, entries);
  const onset = markers.find((m) => m.phase === 'onset');
  const baseline = onset?.baseline ?? markers.find((m) => m.baseline != null)?.baseline ?? null;
  const band = baselineBand(points, { onset: onset?.t ?? null, baseline });
  const { from: start, to: end } = scale.segments[0];
  const changes = layoutLabels(
    changesWithin(entries, start, end).map((c) => ({ x: scale.x(Date.parse(c.ts)), text: c.ref, entry: c })),
    { maxX: width - RIGHT },
  );
  const top = 12 + Math.max(1, ...changes.map((l) => l.row + 1)) * LABEL_ROW;
  const bottom = top + PLOT;
  const values = [
    ...points.map(([, v]) => v),
    ...(band ? [band.high] : []),
    ...markers.map((m) => m.value ?? 0),
  ];
  return {
    series,
    width,
    heading: seriesHeading(series),
    scale,
    ys: valueScale(values, { top: top + 8, bottom }),
    band,
    markers,
    changes,
    top,
    bottom,
    height: bottom + axisRows(zone) * 13 + 16,
  };
}
