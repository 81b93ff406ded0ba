import { legend } from './legend.js';
import { figure } from './svg.js';
import { timeAxis } from './time-axis.js';
import { eventMarks, laneRows, momentLines, phaseShading } from './timeline-layers.js';
import { LEFT, RIGHT, type TimelineChartInput, timelineLayout } from './timeline-layout.js';
import { utc } from './utc.js';

export type { TimelineChartInput } from './timeline-layout.js';

/**
 * The incident at a glance: one lane per service, events as marks coloured by kind (each a link to
 * its timeline row), phases shaded, moments as labelled lines, a UTC (and local) time axis.
 */
export function timelineChart(r: TimelineChartInput, { width = 960 } = {}): string {
  if (!r.timeline.length) return '';
  const layout = timelineLayout(r, width);
  const { entries, lanes, phases, scale, lanesTop, lanesBottom } = layout;
  const key = legend(layout.kinds, phases, { x: LEFT, y: layout.legendY, maxX: width - RIGHT });
  const description = [
    `${entries.length} events in ${lanes.length} lanes (${lanes.join(', ')})`,
    `from ${utc(entries[0].t)} to ${utc(entries[entries.length - 1].t)}.`,
    `Phases: ${phases.map((p) => p.label).join(', ') || 'none'}.`,
  ].join(' ');
  return figure(
    {
      width,
      height: layout.legendY + key.height,
      className: 'chart timeline-chart',
      label: 'Incident timeline chart',
      description,
    },
    [
      ...laneRows(layout),
      ...phaseShading(layout),
      timeAxis(scale, { top: lanesTop, axisY: lanesBottom + 2, captionX: LEFT - 26, zone: r.zone }),
      ...momentLines(layout),
      ...eventMarks(layout),
      key.svg,
    ].join(''),
  );
}
