import type { Series, TimelineEntry } from '../../model/index.js';

export type AnomalyPhase = 'onset' | 'peak' | 'recovered';

export interface AnomalyMarker {
  phase: AnomalyPhase;
  t: number;
  value: number | null;
  baseline: number | null;
  ref: string;
  summary: string;
}

const PHASES = new Set<string>(['onset', 'peak', 'recovered']);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The metric events that describe this series' anomaly: same measure, and same service when both say. */
export function anomalyMarkers(series: Series, entries: TimelineEntry[]): AnomalyMarker[] {
  return entries.flatMap((e) => {
    const a = e.attrs ?? {};
    if (e.kind !== 'metric' || typeof a.phase !== 'string' || !PHASES.has(a.phase)) return [];
    if (a.measure != null && a.measure !== series.measure) return [];
    if (series.service != null && e.service != null && e.service !== series.service) return [];
    const phase = a.phase as AnomalyPhase;
    return [
      {
        phase,
        t: Date.parse(e.ts),
        value: num(a.value),
        baseline: num(a.baseline),
        ref: e.ref,
        summary: e.summary,
      },
    ];
  });
}

/** Changes and rollbacks inside the drawn window, to be drawn as vertical markers. */
export const changesWithin = (entries: TimelineEntry[], from: number, to: number) =>
  entries.filter((e) => {
    const t = Date.parse(e.ts);
    return (e.kind === 'change' || e.kind === 'rollback') && t >= from && t <= to;
  });

/** The series value at `t`, interpolated between the points around it. */
export function valueAt(points: [number, number][], t: number): number | null {
  const i = points.findIndex(([pt]) => pt >= t);
  if (i === -1) return points.length ? points[points.length - 1][1] : null;
  if (i === 0 || points[i][0] === t) return points[i][1];
  const [t0, v0] = points[i - 1];
  const [t1, v1] = points[i];
  return v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
}
