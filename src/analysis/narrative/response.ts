import type { NarrativeClaim } from '../../model/index.js';
import { span, storyClockOf } from '../course.js';
import type { NarrativeContext } from './context.js';
import { mitigationsTried, saidFailed } from './mitigations.js';
import { entryWords, quoted } from './words.js';

/** An escalation as tools and people record it; bounded, whole words. */
const ESCALATED = /\bescalat(?:e|ed|es|ing|ion)\b/i;
const NOT_DONE = /\b(?:no|not|never|without|will|would|should)\s(?:[a-z]{1,20}\s)?$/i;
const MAX_TRIED = 6;

/** Who acknowledged when, escalations, the declaration, and every mitigation tried (failed ones too). */
export function responseNarrative(ctx: NarrativeContext): NarrativeClaim[] {
  const { acknowledged, detected, declared } = ctx.moments;
  const at = storyClockOf(ctx.moments);
  const out: NarrativeClaim[] = [];
  const slow = ctx.findings.find((f) => f.rule === 'ack-slow');
  if (acknowledged && acknowledged !== detected)
    out.push({
      text: `A responder acknowledged at ${at(acknowledged.ts)} (${acknowledged.ref})${ctx.durations.acknowledge != null ? `, ${span(ctx.durations.acknowledge * 1000)} after detection` : ''}${slow ? ', slower than expected' : ''}.`,
      refs: [acknowledged.ref],
      confidence: 0.9,
    });
  else if (acknowledged?.signals.includes('detect'))
    // "Stackdriver sends emails … which we notice. Check grafana …": learned of and answered at once.
    out.push({
      text: `Acknowledged at ${at(acknowledged.ts)} in the entry that detected it (${acknowledged.ref}): a responder was at work at once.`,
      refs: [acknowledged.ref],
      confidence: 0.85,
    });
  else if (acknowledged)
    out.push({
      text: `A responder's acknowledgement (${acknowledged.ref}) at ${at(acknowledged.ts)} is the first record of the incident.`,
      refs: [acknowledged.ref],
      confidence: 0.85,
    });
  else out.push({ text: 'No acknowledgement by a responder is recorded.', refs: [], confidence: 0.9 });
  if (slow) out.push({ text: slow.statement, refs: slow.evidenceRefs, confidence: 0.9 });
  for (const e of ctx.events) {
    const hit = ESCALATED.exec(e.summary);
    if (!hit || NOT_DONE.test(e.summary.slice(Math.max(0, hit.index - 30), hit.index))) continue;
    out.push({
      text: `${quoted(`Escalated at ${at(e.ts)} (${e.ref})`, e.summary)}.`,
      refs: [e.ref],
      confidence: 0.8,
    });
  }
  if (declared)
    out.push({
      text: `The incident was declared at ${at(declared.ts)} (${declared.ref})${detected && declared !== detected && declared.ts >= detected.ts ? `, ${span(declared.ts - detected.ts)} after detection` : ''}.`,
      refs: [declared.ref],
      confidence: 0.9,
    });
  const tried = mitigationsTried(ctx);
  for (const m of tried.slice(0, MAX_TRIED)) {
    const e = m.event;
    const echoes = m.records.filter((r) => r !== e).map((r) => r.ref);
    const told = echoes.length ? `, also recorded in the timeline (${echoes.join(', ')})` : '';
    const failed = !m.failedBy
      ? ''
      : m.saidToFail
        ? `; it did not end the impact: ${saidFailed(m)}`
        : `; it did not end the impact: symptoms continued at ${at(m.failedBy.ts)} (${m.failedBy.ref})`;
    out.push({
      text: `${quoted(`Tried at ${at(e.ts)}: ${entryWords(e)} (${e.ref})${told}${failed}`, e.summary)}.`,
      refs: [...new Set([e.ref, ...m.records.map((r) => r.ref), ...(m.failedBy ? [m.failedBy.ref] : [])])],
      confidence: 0.85,
    });
  }
  if (tried.length > MAX_TRIED)
    out.push({
      text: `${tried.length - MAX_TRIED} more mitigations are in the timeline.`,
      refs: tried.slice(MAX_TRIED).map((m) => m.event.ref),
      confidence: 0.9,
    });
  if (!tried.length) out.push({ text: 'No mitigation is recorded.', refs: [], confidence: 0.85 });
  return out;
}
