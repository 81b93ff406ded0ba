import type { Claim, Event, Suspect } from '../model/index.js';
import { clock, span } from './course.js';
import type { MomentEvents } from './moments.js';
import { CONVINCING } from './suspects.js';

const MACHINE = new Set(['alert', 'alert_resolved', 'page', 'metric', 'log', 'health', 'ticket']);

/** How far a single entry can be trusted: tool records over hand-written lines; two sources over one. */
export function evidenceStrength(e: Event): number {
  const base = MACHINE.has(e.kind) || e.ownRef ? 0.9 : 0.8;
  return Math.min(0.97, base + (e.sources.length > 1 ? 0.05 : 0));
}

const quote = (e: Event) =>
  `${e.ref} "${e.summary.length > 120 ? `${e.summary.slice(0, 117)}…` : e.summary}"`;
const round = (n: number) => Math.round(n * 100) / 100;

/** Every statement the report makes about what happened, each citing its evidence. */
export function makeClaims(events: Event[], m: MomentEvents, suspects: Suspect[]): Omit<Claim, 'id'>[] {
  const out: Omit<Claim, 'id'>[] = [];
  const add = (statement: string, refs: Event[], confidence = Math.min(...refs.map(evidenceStrength))) =>
    out.push({
      statement,
      evidenceRefs: [...new Set(refs.map((e) => e.ref))],
      confidence: round(confidence),
    });

  const top = suspects[0];
  const trigger = top && top.confidence >= CONVINCING ? events.find((e) => e.ref === top.ref) : undefined;
  if (trigger)
    add(
      `The change ${quote(trigger)} is the most likely trigger (${top.reasons.join('; ')}).`,
      [trigger],
      top.confidence,
    );
  if (m.impactStart)
    add(`Impact began at ${clock(m.impactStart.ts)}: ${quote(m.impactStart)}.`, [m.impactStart]);
  if (m.detected) {
    const how =
      m.detected.kind === 'report' || m.detected.kind === 'chat'
        ? 'by people'
        : `by ${m.detected.kind === 'health' ? 'a health check' : 'an alert'}`;
    const after =
      m.impactStart && m.detected.ts > m.impactStart.ts
        ? `, ${span(m.detected.ts - m.impactStart.ts)} after impact began`
        : '';
    add(`The incident was detected ${how} at ${clock(m.detected.ts)}${after}: ${quote(m.detected)}.`, [
      m.detected,
    ]);
  }
  const alerts = events.filter(
    (e) => (e.kind === 'alert' || e.kind === 'page') && e.signals.includes('symptom'),
  );
  if (alerts.length > 1)
    add(`${alerts.length} alerts or pages fired: ${alerts.map((e) => e.ref).join(', ')}.`, alerts);
  const errorLogs = events.filter((e) => e.kind === 'log' && e.signals.includes('symptom'));
  if (errorLogs.length)
    add(`Logs recorded the failure: ${errorLogs.slice(0, 5).map(quote).join('; ')}.`, errorLogs.slice(0, 5));
  if (m.acknowledged)
    add(`A responder acknowledged at ${clock(m.acknowledged.ts)}: ${quote(m.acknowledged)}.`, [
      m.acknowledged,
    ]);
  if (m.mitigationStarted)
    add(`Mitigation began at ${clock(m.mitigationStarted.ts)}: ${quote(m.mitigationStarted)}.`, [
      m.mitigationStarted,
    ]);
  if (m.recovered) {
    const cured = events.filter((e) => e.ts === m.recovered!.ts && e.signals.includes('recovery'));
    add(`The service recovered at ${clock(m.recovered.ts)}: ${cured.map(quote).join('; ')}.`, cured);
  }
  if (m.declared)
    add(`The incident was declared at ${clock(m.declared.ts)}: ${quote(m.declared)}.`, [m.declared]);
  if (m.closed) add(`The incident was closed at ${clock(m.closed.ts)}: ${quote(m.closed)}.`, [m.closed]);
  return out;
}
