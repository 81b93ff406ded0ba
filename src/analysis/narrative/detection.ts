import type { NarrativeClaim } from '../../model/index.js';
import { span, storyClockOf } from '../course.js';
import type { NarrativeContext } from './context.js';
import { entryWords, HUMAN_KINDS, MONITORING_KINDS, quoted } from './words.js';

/** "9 min after the change (GH-02)", or "2 min before the change (GH-02)" when detection came first. */
function fromChange(ctx: NarrativeContext): string {
  const { trigger } = ctx.moments;
  const s = ctx.durations.detectFromTrigger;
  if (!trigger || s == null) return '';
  return s >= 0
    ? ` and ${span(s * 1000)} after the change (${trigger.ref})`
    : ` and ${span(-s * 1000)} before the change (${trigger.ref})`;
}

/** How the incident was detected: which alert, check or person, when, and how long after impact and change. */
export function detectionNarrative(ctx: NarrativeContext): NarrativeClaim[] {
  const { detected, impactStart } = ctx.moments;
  const at = storyClockOf(ctx.moments);
  const out: NarrativeClaim[] = [];
  const silent = ctx.findings.filter((f) => f.rule === 'no-alert-fired' || f.rule === 'undetected-symptom');
  if (!detected && !silent.length) {
    out.push({
      text: 'How the incident was detected is not in the evidence: no alert, page, report or acknowledgement is recorded.',
      refs: [],
      confidence: 0.9,
    });
  } else if (detected) {
    const after =
      impactStart && ctx.durations.detect != null && impactStart !== detected
        ? `, ${span(ctx.durations.detect * 1000)} after impact began (${impactStart.ref})${fromChange(ctx)}`
        : fromChange(ctx).replace(/^ and/, ',');
    // A responder at work, or the incident declared, may be all that tells when the team knew: it
    // is no alert or report, and the narrative does not call it one.
    const told = detected.signals.includes('detect')
      ? `Detected at ${at(detected.ts)} by ${entryWords(detected)} (${detected.ref})${after}`
      : `The team knew of it by ${at(detected.ts)}, when ${entryWords(detected)} (${detected.ref}) shows them at work${after}; how they learned of it is not recorded`;
    out.push({
      text: `${quoted(told, detected.summary)}.`,
      refs: [
        detected.ref,
        ...(impactStart && impactStart !== detected ? [impactStart.ref] : []),
        ...(ctx.moments.trigger && ctx.durations.detectFromTrigger != null ? [ctx.moments.trigger.ref] : []),
      ],
      confidence: 0.9,
    });
    if (HUMAN_KINDS.has(detected.kind)) {
      const alert = ctx.events.find(
        (e) =>
          e.ts >= detected.ts &&
          MONITORING_KINDS.has(e.kind) &&
          e.kind !== 'log' &&
          e.signals.includes('detect'),
      );
      if (alert)
        out.push({
          text: `A person noticed first; monitoring followed with ${entryWords(alert)} at ${at(alert.ts)} (${alert.ref}), ${span(alert.ts - detected.ts)} later.`,
          refs: [detected.ref, alert.ref],
          confidence: 0.85,
        });
      // A finding already says no alert fired; otherwise say it here.
      else if (!silent.length)
        out.push({
          text: `A person noticed it (${detected.ref}); no alert or page is recorded.`,
          refs: [detected.ref],
          confidence: 0.85,
        });
    }
  }
  for (const f of silent) out.push({ text: f.statement, refs: f.evidenceRefs, confidence: 0.8 });
  return out;
}
