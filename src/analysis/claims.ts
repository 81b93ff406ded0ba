import type { Claim, Event, Finding, Suspect } from '../model/index.js';
import { shorten } from '../text/shorten.js';
import type { CauseAccount } from './causes.js';
import { span, storyClockOf } from './course.js';
import { type MomentEvents, recoveriesOf, symptomsAfter } from './moments.js';
import { CONVINCING, contributing } from './suspects.js';

const MACHINE = new Set(['alert', 'alert_resolved', 'page', 'metric', 'log', 'health', 'ticket']);

/** How far a single entry can be trusted: tool records over hand-written lines; two sources over one. */
export function evidenceStrength(e: Event): number {
  const base = MACHINE.has(e.kind) || e.ownRef ? 0.9 : 0.8;
  return Math.min(0.97, base + (e.sources.length > 1 ? 0.05 : 0));
}

const quote = (e: Event) => `${e.ref} "${shorten(e.summary, 120)}"`;
const round = (n: number) => Math.round(n * 100) / 100;

/** Every statement the report makes about what happened, each citing its evidence. */
export function makeClaims(
  events: Event[],
  m: MomentEvents,
  suspects: Suspect[],
  elsewhere: CauseAccount[] = [],
  mechanisms: Finding[] = [],
  bounded: Partial<Record<'impactStart' | 'recovered', string>> = {},
  /** Impact start is the trigger only because no line records a symptom: say so, as sure as the trigger. */
  startFromTrigger = false,
): Omit<Claim, 'id'>[] {
  const out: Omit<Claim, 'id'>[] = [];
  const at = storyClockOf(m);
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
  if (!trigger && m.impactStart) {
    const pointer = elsewhere.find((a) => a.event)?.event;
    const stated = elsewhere.find((a) => !a.event);
    if (pointer)
      add(
        `No change in the evidence convincingly explains the incident; the evidence points elsewhere: ${quote(pointer)}.`,
        [pointer],
      );
    else if (stated)
      add(
        `No change in the evidence convincingly explains the incident; the postmortem's own cause statement (${stated.cite}) points elsewhere, and the first symptom was ${quote(m.impactStart)}.`,
        [m.impactStart],
      );
    else
      add(
        `No change in the evidence convincingly explains the incident; the evidence points first to ${quote(m.impactStart)}.`,
        [m.impactStart],
      );
  }
  // How it failed, apart from what set it off: each mechanism with the evidence that shows it.
  for (const f of mechanisms) {
    const shown = f.evidenceRefs.map((r) => events.find((e) => e.ref === r)).filter((e): e is Event => !!e);
    if (shown.length) add(`Mechanism: ${f.statement}`, shown, Math.max(...shown.map(evidenceStrength)));
  }
  for (const s of suspects.filter(contributing)) {
    const change = events.find((e) => e.ref === s.ref);
    if (change && m.impactStart)
      add(
        `The change ${quote(change)} came after impact began (${m.impactStart.ref}, ${at(m.impactStart.ts)}): it is not the trigger, though the evidence says it may have made things worse.`,
        [change, m.impactStart],
        Math.min(evidenceStrength(change), evidenceStrength(m.impactStart)),
      );
  }
  // Where the document's own window placed a moment, the claim says where it is stated.
  const boundAt = (moment: 'impactStart' | 'recovered') =>
    bounded[moment] ? ` (the postmortem states the impact's window: ${bounded[moment]})` : '';
  if (m.impactStart && startFromTrigger && top)
    add(
      `Impact is taken to begin with the change that caused it, at ${at(m.impactStart.ts)}: ${quote(m.impactStart)}; no line records a symptom before the problem was known.`,
      [m.impactStart],
      Math.min(evidenceStrength(m.impactStart), top.confidence),
    );
  else if (m.impactStart)
    add(`Impact began at ${at(m.impactStart.ts)}: ${quote(m.impactStart)}${boundAt('impactStart')}.`, [
      m.impactStart,
    ]);
  if (m.detected) {
    const kind = m.detected.kind;
    // A responder already at work is how some incidents are first known: no alert or report to name.
    const how =
      kind === 'report' || kind === 'chat'
        ? ' by people'
        : kind === 'health'
          ? ' by a health check'
          : ['alert', 'page', 'metric', 'log', 'alert_resolved'].includes(kind)
            ? ' by an alert'
            : '';
    const after =
      m.impactStart && m.detected.ts > m.impactStart.ts
        ? `, ${span(m.detected.ts - m.impactStart.ts)} after impact began`
        : '';
    add(`The incident was detected${how} at ${at(m.detected.ts)}${after}: ${quote(m.detected)}.`, [
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
    add(`A responder acknowledged at ${at(m.acknowledged.ts)}: ${quote(m.acknowledged)}.`, [m.acknowledged]);
  if (m.mitigationStarted)
    add(`Mitigation began at ${at(m.mitigationStarted.ts)}: ${quote(m.mitigationStarted)}.`, [
      m.mitigationStarted,
    ]);
  if (m.recovered) {
    const said = events.filter((e) => e.ts === m.recovered!.ts && e.signals.includes('recovery'));
    // Placed by the document's own time to recovery, the entry itself is the evidence.
    const cured = said.length ? said : [m.recovered];
    add(
      `The service recovered at ${at(m.recovered.ts)}: ${cured.map(quote).join('; ')}${boundAt('recovered')}.`,
      cured,
    );
  }
  if (m.recovered) {
    // A service that flapped: earlier recoveries that symptoms followed, each with the symptom that came back.
    const earlier = recoveriesOf(events, m.impactStart).filter((r) => r.ts < m.recovered!.ts);
    for (const [i, r] of earlier.entries()) {
      const back = symptomsAfter(events, r.ts)[0];
      const next = earlier[i + 1];
      if (back && back.ts < m.recovered.ts && !(next && next.ts <= back.ts))
        add(
          `Symptoms returned after a recovery: ${quote(r)} at ${at(r.ts)} was followed by ${quote(back)} at ${at(back.ts)}.`,
          [r, back],
        );
    }
  }
  if (m.declared)
    add(`The incident was declared at ${at(m.declared.ts)}: ${quote(m.declared)}.`, [m.declared]);
  if (m.closed) add(`The incident was closed at ${at(m.closed.ts)}: ${quote(m.closed)}.`, [m.closed]);
  return out;
}
