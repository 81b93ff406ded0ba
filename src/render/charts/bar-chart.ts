import { figure, tag, text, title } from './svg.js';
import { type ValueScale, valueScale } from './value-scale.js';

/** One measure drawn in every group, as a bar of its own class (`bar-<key>`) and a legend entry. */
export interface BarSeries {
  key: string;
  name: string;
}

/** One group of bars along the axis (a month), with one value per series; null draws no bar. */
export interface BarGroup {
  label: string;
  values: (number | null)[];
}

export interface BarChartOptions {
  /** The accessible name, also the chart's title. */
  label: string;
  series: BarSeries[];
  groups: BarGroup[];
  /** A value as the axis and the tooltips say it ("12 min", "3"). */
  format: (v: number) => string;
  /** What the values count, for the description ("incidents", "minutes"). */
  unit: string;
  /** Counts: only whole numbers on the axis. */
  whole?: boolean;
  width?: number;
  height?: number;
}

const LEFT = 56;
const RIGHT = 12;
const TOP = 28;
const BOTTOM = 34;

interface BarLayout {
  options: BarChartOptions;
  width: number;
  height: number;
  bottom: number;
  scale: ValueScale;
  /** Left edge and width of each group's band, and of one bar in it. */
  band: number;
  bar: number;
  /** Show every `labelEvery`th group label, so labels never overlap. */
  labelEvery: number;
}

const wholeTicks = (scale: ValueScale, whole = false): ValueScale =>
  whole ? { ...scale, ticks: scale.ticks.filter(Number.isInteger) } : scale;

function barLayout(options: BarChartOptions): BarLayout {
  const width = options.width ?? 960;
  const height = options.height ?? 220;
  const bottom = height - BOTTOM;
  const values = options.groups.flatMap((g) => g.values.filter((v): v is number => v != null));
  const band = (width - LEFT - RIGHT) / Math.max(1, options.groups.length);
  const bar = Math.max(1, (band * 0.8) / Math.max(1, options.series.length));
  const labelEvery = Math.max(1, Math.ceil(options.groups.length / Math.floor((width - LEFT - RIGHT) / 56)));
  return {
    options,
    width,
    height,
    bottom,
    scale: wholeTicks(valueScale(values, { top: TOP, bottom, count: 4 }), options.whole),
    band,
    bar,
    labelEvery,
  };
}

function grid({ scale, width, options }: BarLayout): string[] {
  return scale.ticks.map((t) =>
    tag(
      'g',
      { class: 'grid' },
      tag('line', { x1: LEFT, x2: width - RIGHT, y1: scale.y(t), y2: scale.y(t) }),
      text({ x: LEFT - 6, y: scale.y(t) + 4, 'text-anchor': 'end', class: 'axis-label' }, options.format(t)),
    ),
  );
}

function bars({ options, scale, band, bar, bottom }: BarLayout): string[] {
  return options.groups.flatMap((g, gi) =>
    g.values.flatMap((v, si) => {
      if (v == null) return [];
      const s = options.series[si];
      const y = scale.y(v);
      return [
        tag(
          'rect',
          {
            class: `bar bar-${s.key}`,
            x: LEFT + gi * band + band * 0.1 + si * bar,
            y,
            width: bar,
            height: Math.max(0, bottom - y),
          },
          title(`${g.label} · ${s.name}: ${options.format(v)}`),
        ),
      ];
    }),
  );
}

function groupLabels({ options, band, bottom, labelEvery }: BarLayout): string[] {
  return options.groups.flatMap((g, i) =>
    i % labelEvery
      ? []
      : [
          text(
            { x: LEFT + i * band + band / 2, y: bottom + 16, 'text-anchor': 'middle', class: 'axis-label' },
            g.label,
          ),
        ],
  );
}

function legend({ options }: BarLayout): string {
  if (options.series.length < 2) return '';
  const items = options.series.map((s, i) =>
    tag(
      'g',
      { transform: `translate(${LEFT + i * 150} 8)` },
      tag('rect', { class: `swatch bar-${s.key}`, x: 0, y: 0, width: 12, height: 10 }),
      text({ x: 18, y: 9, class: 'axis-label' }, s.name),
    ),
  );
  return tag('g', { class: 'legend' }, ...items);
}

/**
 * Bars grouped along an axis (one group per month, one bar per measure), on a value axis from
 * zero, each bar named in a tooltip; a legend when there is more than one measure.
 */
export function barChart(options: BarChartOptions): string {
  if (!options.groups.length) return '';
  const layout = barLayout(options);
  const drawn = options.groups.flatMap((g) => g.values).filter((v) => v != null).length;
  const first = options.groups[0].label;
  const last = options.groups[options.groups.length - 1].label;
  return figure(
    {
      width: layout.width,
      height: layout.height,
      className: 'chart stats-chart',
      label: options.label,
      description: `${options.series.map((s) => s.name).join(', ')} in ${options.unit}, ${options.groups.length} groups from ${first} to ${last}; ${drawn} bars.`,
    },
    [
      ...grid(layout),
      tag('line', {
        class: 'axis',
        x1: LEFT,
        x2: layout.width - RIGHT,
        y1: layout.bottom,
        y2: layout.bottom,
      }),
      ...bars(layout),
      ...groupLabels(layout),
      legend(layout),
    ].join(''),
  );
}
