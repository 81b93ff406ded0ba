import type { Durations, Event, MomentName } from '../model/index.js';
import { firstAtOrAfter, withSignal } from './course.js';

export type MomentEvents = Record<MomentName, Event | null>;

/** Kinds whose symptom signal is evidence of the incident itself, not talk about it. */
const OBSERVED = new Set(['alert', 'page', 'report', 'health', 'log', 'metric', 'note']);

/**
 * The incident's moments (SPEC §3) from classified events; `trigger` is decided by the suspects.
 * Recovery is the first sign of health after which no symptom is observed again.
 */
export function findMoments(events: Event[]): Omit<MomentEvents, 'trigger'> {
  const symptoms = withSignal(events, 'symptom');
  const impactStart = firstAtOrAfter(symptoms, null);
  const start = impactStart?.ts ?? null;
  const detected = firstAtOrAfter(withSignal(events, 'detect'), start);
  const from = detected?.ts ?? start;
  const acknowledged = firstAtOrAfter(withSignal(events, 'ack'), from);
  const mitigationStarted = firstAtOrAfter(withSignal(events, 'mitigation'), start);
  const observed = symptoms.filter((e) => OBSERVED.has(e.kind));
  const lastSymptom = observed.length ? observed[observed.length - 1].ts : start;
  const recoveries = withSignal(events, 'recovery').filter((e) => start != null && e.ts > start);
  const recovered =
    recoveries.find((e) => lastSymptom == null || e.ts >= lastSymptom) ?? recoveries.at(-1) ?? null;
  const declared = withSignal(events, 'declare')[0] ?? null;
  const closes = withSignal(events, 'close');
  const closed = (recovered && closes.find((e) => e.ts >= recovered.ts)) ?? closes.at(-1) ?? null;
  return { impactStart, detected, acknowledged, mitigationStarted, recovered, declared, closed };
}

const seconds = (a: Event | null, b: Event | null) => (a && b ? Math.round((b.ts - a.ts) / 1000) : null);

export function durations(m: MomentEvents): Durations {
  return {
    detect: seconds(m.impactStart, m.detected),
    acknowledge: seconds(m.detected, m.acknowledged),
    mitigate: seconds(m.detected, m.recovered),
    impact: seconds(m.impactStart, m.recovered),
    detectFromTrigger: seconds(m.trigger, m.detected),
    impactFromTrigger: seconds(m.trigger, m.recovered),
  };
}
