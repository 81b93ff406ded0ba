import { figure, tag, text, title } from './svg.js';

export interface RowChartOptions {
  label: string;
  rows: { label: string; value: number }[];
  /** The bars' class suffix (`bar-<key>`), for their colour. */
  key: string;
  /** What the values count ("incidents"). */
  unit: string;
  width?: number;
}

const ROW = 22;
const LABEL = 190;
const PAD = 8;

const shorten = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Horizontal bars, one row per item (a service), longest value full width, its count at the end. */
export function rowChart({ label, rows, key, unit, width = 960 }: RowChartOptions): string {
  if (!rows.length) return '';
  const height = rows.length * ROW + PAD * 2;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const span = width - LABEL - 60;
  const marks = rows.map((r, i) => {
    const y = PAD + i * ROW;
    const w = (r.value / max) * span;
    return tag(
      'g',
      { class: 'row' },
      title(`${r.label}: ${r.value} ${unit}`),
      text({ x: LABEL - 8, y: y + 15, 'text-anchor': 'end', class: 'axis-label' }, shorten(r.label)),
      tag('rect', { class: `bar bar-${key}`, x: LABEL, y: y + 4, width: w, height: ROW - 8 }),
      text({ x: LABEL + w + 6, y: y + 15, class: 'value-label' }, String(r.value)),
    );
  });
  return figure(
    {
      width,
      height,
      className: 'chart stats-chart',
      label,
      description: `${rows.length} rows; ${rows.map((r) => `${r.label} ${r.value}`).join(', ')} ${unit}.`,
    },
    marks.join(''),
  );
}
