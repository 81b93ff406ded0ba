import type { Series } from '../../model/index.js';
import {
  anomalyMarks,
  axisTitle,
  baselineLayer,
  changeMarkers,
  seriesLine,
  valueGrid,
} from './series-layers.js';
import { LEFT, type SeriesChartOptions, seriesLayout } from './series-layout.js';
import { figure } from './svg.js';
import { timeAxis } from './time-axis.js';
import { utc } from './utc.js';
import { formatValue } from './value-scale.js';

export type { SeriesChartOptions } from './series-layout.js';

/**
 * One metric series as a line chart: its baseline band, onset/peak/recovery markers from the
 * metric events, and the changes in the window as vertical markers, each a link to its timeline row.
 */
export function seriesChart(series: Series, options: SeriesChartOptions): string {
  const points = series.points;
  if (!points.length) return '';
  const layout = seriesLayout(series, options);
  const { band, markers, changes } = layout;
  const description = [
    `${series.name}: ${points.length} points from ${utc(points[0][0])} to ${utc(points[points.length - 1][0])}`,
    band ? `, baseline ${formatValue(band.centre)}` : '',
    `; ${markers.map((m) => m.phase).join(', ') || 'no anomaly marked'}; ${changes.length} changes.`,
  ].join('');
  return figure(
    {
      width: layout.width,
      height: layout.height,
      className: 'chart series-chart',
      label: `Metric chart: ${layout.heading}`,
      description,
    },
    [
      axisTitle(layout),
      ...valueGrid(layout),
      baselineLayer(layout),
      timeAxis(layout.scale, {
        top: layout.top,
        axisY: layout.bottom,
        captionX: LEFT - 8,
        zone: options.zone,
      }),
      ...changeMarkers(layout),
      seriesLine(layout),
      ...anomalyMarks(layout),
    ].join(''),
  );
}

/** Every series on one shared time window, in the report's order. */
export function seriesCharts(
  all: Series[],
  options: Omit<SeriesChartOptions, 'window'>,
): { series: Series; svg: string }[] {
  const times = all.flatMap((s) =>
    s.points.length ? [s.points[0][0], s.points[s.points.length - 1][0]] : [],
  );
  if (!times.length) return [];
  const window: [number, number] = [Math.min(...times), Math.max(...times)];
  return all.map((s) => ({ series: s, svg: seriesChart(s, { ...options, window }) })).filter((c) => c.svg);
}
