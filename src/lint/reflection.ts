import { startsWithActionVerb } from './verbs.js';

/**
 * A sentence whose subject is what might have been done, its verb telling what that was: "The only
 * thing we could have done … was to …", "What we should have done is …". The counterfactual (a
 * modal in the perfect, its subject a person, not a relative pronoun: "a check that would have
 * caught this" names work to add) sits in the subject, before the sentence's own "was" or "is".
 */
const COUNTERFACTUAL =
  /^(?:the|one|all|what)\b[^.!?]{0,80}?\b(?:we|i|they|you)\s{1,3}(?:could|would|should|might)\s{1,3}have\s{1,3}[a-z]{2,30}\b[^.!?]{0,120}?\s(?:was|were|is|are)\s/i;
/** A modal that looks ahead ("should add", "will be done", "need to"): work still planned. */
const FORWARD =
  /\b(?:will|shall|should|must|going\s{1,3}to|needs?\s{1,3}to)\s{1,3}(?!have\b|not\s{1,3}have\b)[a-z]{2,30}\b/i;

/**
 * A reflection written in a list of planned work: "The only thing we could have done to mitigate the
 * incident was to update the DNS record …" weighs what might have been and plans nothing, so it is
 * no action item. An item that opens with an instruction ("Add an alert; we could have caught this
 * sooner") or looks ahead is still planned work.
 */
export function reflects(text: string): boolean {
  const first = text.split(/(?<=[.!?])\s/, 1)[0] ?? '';
  return COUNTERFACTUAL.test(first.trim()) && !FORWARD.test(text) && !startsWithActionVerb(text.trim());
}

/** A question put for a yes or no: it opens with an auxiliary or a modal ("Should …", "Was …", "Did …"). */
const YES_NO_QUESTION =
  /^\W{0,3}(?:should|could|would|can|will|shall|must|is|are|was|were|do|does|did|has|have|had)\s[^?]{1,300}\?/i;
/** Its answer opening what follows: "No —", "Yes, …", "In principle yes —" (a word or two before it). */
const ANSWER = /^\W{0,3}(?:[A-Za-z]{1,15}\s{1,3}){0,2}(?:yes|no)\s{0,2}[—–,.:;!-]/i;

/**
 * A question the item answers itself: "Should `rebuild` have been attempted before archiving? No —
 * `rebuild` recomputes …". Looking back on the incident, the answer given in place, it plans
 * nothing of its own; a question left unanswered ("Recycle nodes older than a week?") stays an
 * item still to decide.
 */
export function answersItself(text: string): boolean {
  const plain = text.replace(/\s+/g, ' ').trim();
  const question = plain.match(YES_NO_QUESTION)?.[0];
  return question !== undefined && ANSWER.test(plain.slice(question.length).trim());
}
