import type { Series } from '../model/index.js';

export interface Baseline {
  median: number;
  /** Median absolute deviation, scaled (×1.4826) to estimate a standard deviation. */
  spread: number;
  /** Index of the first point after the baseline window. */
  endIndex: number;
}

export function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A robust baseline (median and MAD) over the points before `baselineEnd`, or over the first
 * `share` of the series when there are too few of them; outliers in the window barely move it.
 */
export function robustBaseline(
  points: Series['points'],
  {
    baselineEnd,
    share = 0.2,
    minPoints = 3,
  }: { baselineEnd: number | null; share?: number; minPoints?: number },
): Baseline | null {
  if (points.length < minPoints + 1) return null;
  let endIndex = baselineEnd === null ? 0 : points.findIndex(([ts]) => ts >= baselineEnd);
  if (endIndex < 0) endIndex = points.length;
  if (endIndex < minPoints) endIndex = Math.max(minPoints, Math.floor(points.length * share));
  const values = points.slice(0, endIndex).map(([, v]) => v);
  const center = median(values);
  const spread = 1.4826 * median(values.map((v) => Math.abs(v - center)));
  return { median: center, spread, endIndex };
}
