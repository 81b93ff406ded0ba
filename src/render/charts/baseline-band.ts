export interface BaselineBand {
  low: number;
  high: number;
  centre: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/**
 * The normal range of a series: the 10th–90th percentile of the values before the anomaly's
 * onset (or of its first quarter when no onset is known), centred on the stated baseline if any.
 */
export function baselineBand(
  points: [number, number][],
  { onset = null, baseline = null }: { onset?: number | null; baseline?: number | null } = {},
): BaselineBand | null {
  const cutoff = onset ?? (points.length ? points[Math.floor(points.length / 4)][0] : 0);
  const before = points
    .filter(([t, v]) => t < cutoff && Number.isFinite(v))
    .map(([, v]) => v)
    .sort((a, b) => a - b);
  if (before.length < 3) return baseline == null ? null : { low: baseline, high: baseline, centre: baseline };
  const centre = baseline ?? quantile(before, 0.5);
  return {
    low: Math.min(quantile(before, 0.1), centre),
    high: Math.max(quantile(before, 0.9), centre),
    centre,
  };
}
