import type { NarrativeClaim } from '../../model/index.js';
import { span, storyClockOf, withSignal } from '../course.js';
import type { NarrativeContext } from './context.js';
import { endingMitigation, mitigationsTried } from './mitigations.js';
import { entryWords, quoted } from './words.js';

/** What ended the impact, cited, or plainly that the evidence does not show it; then the close. */
export function resolutionNarrative(ctx: NarrativeContext): NarrativeClaim[] {
  const { recovered, closed } = ctx.moments;
  const at = storyClockOf(ctx.moments);
  const out: NarrativeClaim[] = [];
  const ending = endingMitigation(ctx);
  // With no attempt shown to end it, the last one made before recovery: it failed, or symptoms outlasted it.
  const lastTried =
    recovered && !ending
      ? mitigationsTried(ctx)
          .filter((m) => m.failedBy && m.records[0].ts <= recovered.ts && m.event !== recovered)
          .at(-1)
      : undefined;
  // Taken from a fix, no line saying the service came back (moments: `fixThatEnded`).
  const inferred = recovered && !recovered.signals.includes('recovery');
  const exposure = inferred && !withSignal(ctx.events, 'symptom').length;
  if (recovered && exposure)
    out.push({
      text: `${quoted(`No line states when the impact ended and no symptom is recorded: the exposure is taken to have closed when its last fix shipped, at ${at(recovered.ts)} (${recovered.ref})`, recovered.summary)}.`,
      refs: [recovered.ref],
      confidence: 0.6,
    });
  else if (recovered && inferred)
    out.push({
      text: `${quoted(`No line states when the impact ended: it is taken to have ended with the first fix after which no symptom is recorded, at ${at(recovered.ts)} (${recovered.ref})`, recovered.summary)}.`,
      refs: [recovered.ref],
      confidence: 0.5,
    });
  else if (recovered && ending?.records.includes(recovered))
    // The act that fixed it is the line that says it is back ("Database resized, table repacked, all good!").
    out.push({
      text: `${quoted(`Impact ended at ${at(recovered.ts)} with ${entryWords(ending.event)} (${ending.event.ref}), whose record says the service was back`, ending.event.summary)}.`,
      refs: [...new Set([recovered.ref, ending.event.ref])],
      confidence: 0.8,
    });
  else if (recovered && ending) {
    const e = ending.event;
    out.push({
      text: `${quoted(`Impact ended at ${at(recovered.ts)} (${recovered.ref}), ${span(recovered.ts - e.ts)} after ${entryWords(e)} (${e.ref})`, e.summary)}.`,
      refs: [recovered.ref, e.ref],
      confidence: 0.8,
    });
  } else if (recovered && lastTried?.failedBy) {
    // Attempts were made, but the last one before recovery failed: none is shown to have ended it.
    const { event: e, failedBy } = lastTried;
    const why = lastTried.saidToFail
      ? 'its record says it failed'
      : `symptoms continued after it (${failedBy.ref})`;
    out.push({
      text: `Impact ended at ${at(recovered.ts)} (${recovered.ref}) with ${entryWords(recovered)}; the last mitigation tried before it (${e.ref}) did not end it: ${why}. What ended the impact is not in the evidence.`,
      refs: [...new Set([recovered.ref, e.ref, failedBy.ref])],
      confidence: 0.75,
    });
  } else if (recovered)
    out.push({
      text: `Impact ended at ${at(recovered.ts)} (${recovered.ref}) with ${entryWords(recovered)}, and no mitigation recorded before it took effect: what ended the impact is not in the evidence.`,
      refs: [recovered.ref],
      confidence: 0.8,
    });
  else
    out.push({
      text: 'The evidence does not show the impact ending: no recovery is recorded.',
      refs: [],
      confidence: 0.9,
    });
  if (closed)
    out.push({
      text: `The incident was closed at ${at(closed.ts)} (${closed.ref}).`,
      refs: [closed.ref],
      confidence: 0.9,
    });
  return out;
}
