import { DateTime } from 'luxon';
import { formatDuration } from '../../report/index.js';
import { tag, text, title } from './svg.js';
import type { TimeScale } from './time-scale.js';
import { tickStep, timeTicks } from './time-ticks.js';

export interface TimeAxisOptions {
  /** Where the grid lines start and the axis line sits. */
  top: number;
  axisY: number;
  /** The x of the left captions' right edge ("UTC", the report zone). */
  captionX: number;
  zone: string;
}

/** Rows of labels under the axis: UTC, the report zone when it differs, and the date where it changes. */
export const axisRows = (zone: string) => (zone === 'UTC' ? 2 : 3);

const clock = (t: number, zone: string) => DateTime.fromMillis(t, { zone }).toFormat('HH:mm');
const day = (t: number) => DateTime.fromMillis(t, { zone: 'utc' }).toFormat('d LLL yyyy');

/**
 * Tick times per segment, at least 60 % of `minSpacing` apart and clear of the left edge; a
 * segment left without one (too short for a round time) is labelled at its middle.
 */
export function axisTicks(scale: TimeScale, minSpacing = 64): number[] {
  const first = scale.segments[0];
  const step = tickStep((first.x1 - first.x0) / (first.to - first.from), minSpacing);
  const ticks: number[] = [];
  let lastX = first.x0 + 12 - minSpacing * 0.6;
  for (const s of scale.segments) {
    const inside = timeTicks(s.from, s.to, step).filter((t) => scale.x(t) - lastX >= minSpacing * 0.6);
    if (!inside.length) inside.push(Math.round((s.from + s.to) / 2 / 60_000) * 60_000);
    for (const t of inside) {
      if (scale.x(t) - lastX < minSpacing * 0.6 && ticks.length) ticks.pop();
      ticks.push(t);
      lastX = scale.x(t);
    }
  }
  return ticks;
}

function breaks(scale: TimeScale, { top, axisY }: TimeAxisOptions): string {
  return scale.segments
    .slice(1)
    .map((s, i) => {
      const before = scale.segments[i];
      const mid = (before.x1 + s.x0) / 2;
      const gap = `${formatDuration(Math.round((s.from - before.to) / 1000))} of no events, not drawn to scale`;
      return tag(
        'g',
        { class: 'axis-break' },
        title(gap),
        tag('rect', {
          x: before.x1 + 4,
          y: top,
          width: s.x0 - before.x1 - 8,
          height: axisY - top,
          fill: '#f1f3f5',
        }),
        tag('path', {
          d: `M${mid - 6} ${axisY + 5}l6 -10M${mid} ${axisY + 5}l6 -10`,
          stroke: '#6c757d',
          'stroke-width': 1.5,
        }),
      );
    })
    .join('');
}

const rowY = (axisY: number, row: number) => axisY + 14 + row * 13;

/** "UTC" and the zone name left of their label rows. */
function captions({ axisY, captionX, zone }: TimeAxisOptions): string {
  const caption = (row: number, name: string) =>
    text({ x: captionX, y: rowY(axisY, row), 'text-anchor': 'end', 'font-size': 11, fill: '#495057' }, name);
  return caption(0, 'UTC') + (zone !== 'UTC' ? caption(1, zone) : '');
}

/** A grid line and labels per tick: UTC time, zone time, and the UTC date where it changes. */
function tickMarks(scale: TimeScale, { top, axisY, zone }: TimeAxisOptions): string {
  const zoned = zone !== 'UTC';
  const label = (x: number, row: number, fill: string, content: string, size = 11) =>
    text({ x, y: rowY(axisY, row), 'text-anchor': 'middle', 'font-size': size, fill }, content);
  let lastDay = '';
  return axisTicks(scale)
    .map((t) => {
      const x = scale.x(t);
      const date = day(t);
      const showDate = date !== lastDay;
      lastDay = date;
      return [
        tag('line', {
          x1: x,
          x2: x,
          y1: top,
          y2: axisY + 4,
          stroke: '#e9ecef',
          'shape-rendering': 'crispEdges',
        }),
        label(x, 0, '#212529', clock(t, 'utc')),
        zoned ? label(x, 1, '#6c757d', clock(t, zone)) : '',
        showDate ? label(x, zoned ? 2 : 1, '#6c757d', date, 10) : '',
      ].join('');
    })
    .join('');
}

/** The time axis: grid lines, UTC labels, zone labels and dates; cut gaps drawn as breaks. */
export function timeAxis(scale: TimeScale, options: TimeAxisOptions): string {
  const line = tag('line', {
    x1: scale.segments[0].x0,
    x2: scale.segments[scale.segments.length - 1].x1,
    y1: options.axisY,
    y2: options.axisY,
    stroke: '#adb5bd',
    'shape-rendering': 'crispEdges',
  });
  return tag(
    'g',
    { class: 'axis' },
    tickMarks(scale, options),
    breaks(scale, options),
    line,
    captions(options),
  );
}
