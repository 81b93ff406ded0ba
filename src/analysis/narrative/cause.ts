import type { NarrativeClaim } from '../../model/index.js';
import { sentencesOf } from '../../text/sentences.js';
import { CAUSAL, causeAccounts } from '../causes.js';
import { storyClockOf } from '../course.js';
import type { NarrativeContext } from './context.js';
import { quoted } from './words.js';

/** How many of the evidence's own accounts of the cause the report quotes. */
const MOST = 3;

/**
 * What the evidence says caused the incident in words, cited: a postmortem's own cause statements
 * (its Summary or Root cause, by file and line), then timeline lines that state a cause. What the
 * authors say is quoted as theirs; whether the records show it is the mechanism's and the trigger's
 * to say.
 */
export function causeNarrative(ctx: NarrativeContext): NarrativeClaim[] {
  const at = storyClockOf(ctx.moments);
  const seen = new Set<string>();
  const out: NarrativeClaim[] = [];
  for (const found of causeAccounts(ctx.statements ?? [], ctx.events)) {
    // A line is quoted by the sentence that states the cause, not by a first sentence that does not.
    const sentence = found.event
      ? sentencesOf(found.text).find((s) => CAUSAL.test(s.text))?.text
      : found.text;
    if (!sentence) continue;
    const account = { ...found, text: sentence };
    const key = account.text.toLowerCase();
    if (seen.has(key) || out.length >= MOST) continue;
    seen.add(key);
    out.push(
      account.event
        ? {
            text: `${quoted(`${account.event.ref} (${at(account.event.ts)}) states a cause`, account.text)}.`,
            refs: [account.event.ref],
            confidence: 0.6,
          }
        : {
            text: `${quoted(`The postmortem's own cause statement (${account.cite})`, account.text)}.`,
            refs: [],
            confidence: 0.9,
          },
    );
  }
  return out;
}
