import { DateTime } from 'luxon';
import type { RawEvent, Series } from '../model/index.js';
import { normaliseZone } from '../time/index.js';
import { type Baseline, robustBaseline } from './baseline.js';
import { describeMeasure, formatValue, isRatioSeries } from './format.js';

export interface MetricEventOptions {
  baselineEnd: number | null;
  zone?: string;
  /** Deviation, in robust standard deviations, that counts as anomalous… */
  sigmas?: number;
  /** …and at least this share of the baseline value (guards flat baselines). */
  minChange?: number;
  /** Consecutive points needed to call an onset or a recovery. */
  run?: number;
}

export interface Episode {
  onset: number;
  peak: number;
  /** Index of the first point back at baseline, or null if the series ends anomalous. */
  recovered: number | null;
}

/** Whether a value departs from the baseline, in the direction that hurts for its measure. */
export function departs(
  value: number,
  base: Baseline,
  measure: Series['measure'],
  { sigmas = 4, minChange = 0.5 } = {},
) {
  const delta = value - base.median;
  const enough = Math.abs(delta) > Math.max(sigmas * base.spread, minChange * Math.abs(base.median), 1e-9);
  return enough && (measure === 'requestRate' ? true : delta > 0);
}

/** Runs of anomalous points after the baseline window, each with its peak and recovery. */
export function episodes(
  series: Series,
  base: Baseline,
  { sigmas = 4, minChange = 0.5, run = 2 } = {},
): Episode[] {
  const bad = series.points.map(([, v]) => departs(v, base, series.measure, { sigmas, minChange }));
  const found: Episode[] = [];
  const runFrom = (i: number, want: boolean) => {
    for (let k = i; k < i + run; k++) if (k >= bad.length || bad[k] !== want) return false;
    return true;
  };
  for (let i = base.endIndex; i < bad.length; i++) {
    if (!runFrom(i, true)) continue;
    let j = i;
    while (j < bad.length && !(bad[j] === false && (runFrom(j, false) || j === bad.length - 1))) j++;
    let peak = i;
    for (let k = i; k < j; k++) {
      if (Math.abs(series.points[k][1] - base.median) > Math.abs(series.points[peak][1] - base.median))
        peak = k;
    }
    found.push({ onset: i, peak, recovered: j < bad.length ? j : null });
    i = j;
  }
  return found;
}

/**
 * Metric events for the timeline: for each series and each anomalous episode, its onset, peak
 * and return to baseline, with `attrs { phase, value, baseline, measure }`. Pure.
 * @example metricEvents([errorRatio], { baselineEnd: Date.parse('2026-02-10T14:00:00Z') })
 */
export function metricEvents(
  series: Series[],
  { baselineEnd, zone = 'UTC', sigmas = 4, minChange = 0.5, run = 2 }: MetricEventOptions,
): RawEvent[] {
  const clock = (ms: number) => DateTime.fromMillis(ms, { zone: normaliseZone(zone) }).toFormat('HH:mm:ss');
  const events: RawEvent[] = [];
  for (const s of series) {
    const base = robustBaseline(s.points, { baselineEnd });
    if (!base) continue;
    const what = `${describeMeasure(s.measure)} ${s.name}${s.service && !s.name.includes(s.service) ? ` (${s.service})` : ''}`;
    const unit = { ratio: isRatioSeries(s.points) };
    const baseline = formatValue(base.median, s.measure, unit);
    const event = (index: number, phase: 'onset' | 'peak' | 'recovered', summary: string): RawEvent => ({
      ts: s.points[index][0],
      kind: 'metric',
      service: s.service,
      summary,
      attrs: { phase, value: s.points[index][1], baseline: base.median, measure: s.measure, series: s.name },
      source: s.source,
    });
    for (const e of episodes(s, base, { sigmas, minChange, run })) {
      const at = (i: number) => formatValue(s.points[i][1], s.measure, unit);
      events.push(
        event(
          e.onset,
          'onset',
          `${what} left its baseline: ${at(e.onset)} at ${clock(s.points[e.onset][0])} (baseline ${baseline})`,
        ),
      );
      events.push(event(e.peak, 'peak', `${what} peaked at ${at(e.peak)} (baseline ${baseline})`));
      if (e.recovered !== null)
        events.push(
          event(
            e.recovered,
            'recovered',
            `${what} back to baseline: ${at(e.recovered)} (baseline ${baseline})`,
          ),
        );
    }
  }
  return events.sort((a, b) => a.ts - b.ts);
}
