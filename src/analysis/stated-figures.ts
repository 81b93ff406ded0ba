import type { Durations, Event, Statement } from '../model/index.js';
import type { MomentEvents } from './moments.js';

export type DurationName = keyof Durations;
export type Stated = Extract<Statement, { kind: 'duration' }>;

/**
 * The computed durations a stated figure may mean, by the words of its name. Teams count time to
 * detection from the first symptom or from the change (SPEC §3), and time to recovery to the end
 * of impact from either start, or from detection.
 */
const MEANINGS: [RegExp, DurationName[]][] = [
  [/detect|discover|notic|\bm?ttd\b/, ['detect', 'detectFromTrigger']],
  [/acknowledg|\back\b|\bm?tta\b|respon/, ['acknowledge']],
  [/mitigat|\bm?ttm\b/, ['mitigate', 'impact', 'impactFromTrigger']],
  [/recover|resol|restor|repair|\bfix|\bm?ttr\b/, ['impact', 'impactFromTrigger', 'mitigate']],
  [/duration|downtime|outage|\blast|\bfor$|impact|period/, ['impact', 'impactFromTrigger']],
];

const UNITS: [RegExp, number][] = [
  [/\d\s*(?:s|secs?|seconds?)\b/i, 1],
  [/\d\s*(?:m|mins?|minutes?)\b/i, 60],
  [/\d\s*(?:h|hrs?|hours?)\b/i, 3600],
  [/\d\s*days?\b/i, 86400],
];
const APPROXIMATE = /~|\b(?:about|approx|approximately|around|roughly|circa|ca\.)/i;

/**
 * How far a computed duration may stand from a stated one and still agree. Timelines are written
 * to the minute, so never less than a minute. A figure written in a coarse unit ("2 hours") was
 * rounded to it, but a reader takes "2 hours" as about two hours, not 1 h 31: the rounding
 * allowed is half the unit, at most a tenth of the figure; "about" allows the larger of the two.
 */
export function tolerance(stated: Pick<Stated, 'seconds' | 'text'>): number {
  const unit = UNITS.find(([re]) => re.test(stated.text))?.[1] ?? 60;
  const rounding = APPROXIMATE.test(stated.text)
    ? Math.max(unit / 2, 0.1 * stated.seconds)
    : Math.min(unit / 2, 0.1 * stated.seconds);
  return Math.max(60, rounding);
}

/** The durations a stated figure's name may mean, or null when its name says nothing we compute. */
export const meaningOf = (name: string) => MEANINGS.find(([re]) => re.test(name.toLowerCase()))?.[1] ?? null;

/** Figures of the whole incident: no span between named points, no name stated with several values. */
export function singleFigures(statements: Statement[]): Stated[] {
  const figures = statements.filter((s): s is Stated => s.kind === 'duration' && !s.name.startsWith('from '));
  return figures.filter(
    (figure) =>
      !figures.some(
        (f) => f.name === figure.name && Math.abs(f.seconds - figure.seconds) > tolerance(figure),
      ),
  );
}

/** The same figure counted from the first symptom and from the change, and the moment it ends at. */
const COUNTED: [DurationName, DurationName, 'detected' | 'recovered'][] = [
  ['detect', 'detectFromTrigger', 'detected'],
  ['impact', 'impactFromTrigger', 'recovered'],
];

/** True when a stated figure counts from the change (made before the first symptom) and none from that symptom. */
export function impactBeganWithChange(
  m: Pick<MomentEvents, 'trigger' | 'impactStart' | 'detected' | 'recovered'>,
  statements: Statement[],
): boolean {
  const { trigger, impactStart } = m;
  if (!trigger || !impactStart || trigger.ts >= impactStart.ts) return false;
  let fromChange = 0;
  for (const figure of singleFigures(statements)) {
    const meaning = meaningOf(figure.name) ?? [];
    for (const [fromSymptom, fromTrigger, to] of COUNTED) {
      const end = m[to];
      if (!end || !meaning.includes(fromSymptom) || !meaning.includes(fromTrigger)) continue;
      const agrees = (start: Event) =>
        start !== end && Math.abs((end.ts - start.ts) / 1000 - figure.seconds) <= tolerance(figure);
      if (agrees(impactStart)) return false;
      if (agrees(trigger)) fromChange++;
    }
  }
  return fromChange > 0;
}

/** With no recovery line, the one fix a stated time to recovery lands on, counted from a known start. */
export function recoveryFromFigures(
  m: Pick<MomentEvents, 'trigger' | 'impactStart' | 'detected' | 'recovered'>,
  statements: Statement[],
  events: Event[],
): Event | null {
  if (m.recovered) return null;
  const ends = events.filter((e) => e.signals.includes('mitigation') || e.signals.includes('recovery'));
  const fits = new Set<Event>();
  for (const figure of singleFigures(statements)) {
    const meaning = meaningOf(figure.name) ?? [];
    if (!meaning.includes('impactFromTrigger')) continue;
    const starts = [m.trigger, m.impactStart, meaning.includes('mitigate') ? m.detected : null];
    for (const start of starts) {
      if (!start) continue;
      const at = start.ts + figure.seconds * 1000;
      for (const e of ends)
        if (e.ts > start.ts && Math.abs(e.ts - at) <= tolerance(figure) * 1000) fits.add(e);
    }
  }
  return fits.size === 1 ? [...fits][0] : null;
}

/**
 * The document's figure that counts from `change`: a time to detection from it to the first sign
 * after it, or a time to recovery from it to the recovery, where the same figure counted from that
 * sign would not fit ("MTTD: 11:00" for a nightly job at 21:15 and the first failure at 08:15).
 */
export function figureFromChange(
  change: Event,
  firstSign: Event,
  recovered: Event | null,
  statements: Statement[],
): Stated | null {
  for (const figure of singleFigures(statements)) {
    const meaning = meaningOf(figure.name) ?? [];
    const fits = (from: number, to: number) =>
      Math.abs((to - from) / 1000 - figure.seconds) <= tolerance(figure);
    for (const [fromTrigger, end] of [
      ['detectFromTrigger', firstSign],
      ['impactFromTrigger', recovered],
    ] as const) {
      if (!end || end.ts <= change.ts || !meaning.includes(fromTrigger)) continue;
      if (fits(change.ts, end.ts) && !fits(firstSign.ts, end.ts)) return figure;
    }
  }
  return null;
}
