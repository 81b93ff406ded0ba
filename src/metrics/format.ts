import type { Measure } from '../model/index.js';

const NAMES: Record<Measure, string> = {
  errorRate: 'Error rate',
  latencyMs: 'Latency',
  requestRate: 'Request rate',
  saturation: 'Saturation',
  errorCount: 'Errors',
  other: 'Metric',
};

export const describeMeasure = (measure: Measure) => NAMES[measure];

const round = (v: number) =>
  Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(3)).toString();

/** A value as people read it: ratios ≤ 1 as percent, latency in ms, rates per second. */
export function formatValue(
  value: number,
  measure: Measure,
  { ratio = true }: { ratio?: boolean } = {},
): string {
  if (measure === 'errorRate') return ratio ? `${round(value * 100)} %` : `${round(value)} %`;
  if (measure === 'latencyMs') return `${round(value)} ms`;
  if (measure === 'requestRate') return `${round(value)}/s`;
  return round(value);
}

/** True when an error-rate series holds ratios (0–1) rather than percentages. */
export const isRatioSeries = (points: [number, number][]) => points.every(([, v]) => v <= 1);
