import type { Impact, Manifest, Series } from '../model/index.js';
import { robustBaseline } from './baseline.js';
import { isRatioSeries } from './format.js';
import { windowSeconds } from './slo-window.js';

export interface ImpactWindow {
  start: number | null;
  end: number | null;
}

type Points = Series['points'];

const inWindow = (points: Points, { start, end }: ImpactWindow) =>
  points.filter(([ts]) => (start === null || ts >= start) && (end === null || ts <= end));

/** Seconds each point stands for: the gap to the next point (the last repeats the one before). */
const stepAfter = (points: Points, i: number) =>
  (i + 1 < points.length
    ? points[i + 1][0] - points[i][0]
    : i > 0
      ? points[i][0] - points[i - 1][0]
      : 60_000) / 1000;

/** The value of a series at `ts`: the latest point at or before it. */
function valueAt(points: Points, ts: number): number | null {
  let lo = 0;
  let hi = points.length - 1;
  if (hi < 0 || points[0][0] > ts) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid][0] <= ts) lo = mid;
    else hi = mid - 1;
  }
  return points[lo][1];
}

/** The series of a measure with the highest peak inside the window. */
function worst(series: Series[], measure: Series['measure'], window: ImpactWindow) {
  let found: { series: Series; peak: number; scale: number } | null = null;
  for (const s of series.filter((x) => x.measure === measure)) {
    const scale = measure === 'errorRate' && isRatioSeries(s.points) ? 100 : 1;
    const inside = inWindow(s.points, window);
    if (!inside.length) continue;
    const peak = Math.max(...inside.map(([, v]) => v)) * scale;
    if (!found || peak > found.peak) found = { series: s, peak, scale };
  }
  return found;
}

/**
 * The impact figures of SPEC §3 from metric series. Error rates are percentages (0–100) whether
 * the series holds ratios or percents; latency in ms. `failedRequests` integrates error ratio ×
 * request rate over the window. Error budget per SLO: (1 − objective) × the requests of the SLO
 * window, or, without a request series, by time (minutes above the SLO's error ratio over the
 * window's allowed bad minutes). The worst SLO is reported; `sloBreached` when it passes 100 %.
 * @example impactFromSeries(series, manifest, { start: onset, end: recovered })
 */
export function impactFromSeries(
  series: Series[],
  manifest: Manifest,
  window: ImpactWindow,
): Partial<Impact> {
  const impact: Partial<Impact> = {};
  const baselineEnd = window.start;
  const errors = worst(series, 'errorRate', window);
  if (errors) {
    const base = robustBaseline(errors.series.points, { baselineEnd });
    impact.errorRatePeak = errors.peak;
    impact.errorRateBaseline = base ? base.median * errors.scale : null;
  }
  const latency = worst(series, 'latencyMs', window);
  if (latency) {
    const base = robustBaseline(latency.series.points, { baselineEnd });
    impact.latencyPeakMs = latency.peak;
    impact.latencyBaselineMs = base ? base.median : null;
  }
  const requests = series.find((s) => s.measure === 'requestRate' && s.points.length > 1) ?? null;
  const errorPoints = errors ? inWindow(errors.series.points, window) : [];
  if (errors && requests && errorPoints.length) {
    let failed = 0;
    errorPoints.forEach(([ts, ratio], i) => {
      const rate = valueAt(requests.points, ts) ?? 0;
      failed += ((ratio * errors.scale) / 100) * rate * stepAfter(errorPoints, i);
    });
    impact.failedRequests = Math.round(failed);
  }
  const budgets = manifest.slo.map((slo) => {
    const seconds = windowSeconds(slo.window);
    const allowed = 1 - slo.objective / 100;
    if (!seconds || !errors || !errorPoints.length) return null;
    if (requests && impact.failedRequests != null) {
      const meanRate = requests.points.reduce((sum, [, v]) => sum + v, 0) / requests.points.length;
      return (impact.failedRequests / (allowed * meanRate * seconds)) * 100;
    }
    let badSeconds = 0;
    errorPoints.forEach(([, v], i) => {
      if ((v * errors.scale) / 100 > allowed) badSeconds += stepAfter(errorPoints, i);
    });
    return (badSeconds / (allowed * seconds)) * 100;
  });
  const known = budgets.filter((b): b is number => b !== null);
  if (known.length) {
    impact.errorBudgetConsumedPercent = Math.max(...known);
    impact.sloBreached = impact.errorBudgetConsumedPercent >= 100;
  }
  return impact;
}
