import type { RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { commitmentOf } from './commitment.js';

/**
 * A paragraph that plans one piece of work and ends by introducing its breakdown ("Add a
 * `scale-deploy-staging` namespace in ml-serving-new. … Estimated ~3–4 days:"): the list after it
 * holds that work's parts, not items of their own to commit to an outcome. Its first sentence
 * commits to an outcome; a bare lead-in ("We will make the following changes:") is no plan.
 */
export function breaksDownPlan(before: RootContent | null): boolean {
  if (before?.type !== 'paragraph') return false;
  const text = textOf(before).replace(/\s+/g, ' ').trim();
  if (!/:$/.test(text)) return false;
  // "Jump Server Access: Configure external jump server access, allowing:": an item's title, then
  // the work it plans, then its breakdown.
  const titled = itemTitle(before);
  if (titled?.rest)
    return !/\bfollowing\b/i.test(titled.rest) && commitmentOf(titled.rest).kind === 'outcome';
  const sentences = text.split(/(?<=[.!?])\s+/);
  if (sentences.length < 2) return false;
  const first = sentences[0];
  if (/\bfollowing\b/i.test(first)) return false;
  return commitmentOf(first).kind === 'outcome';
}

/** A plain label opening a paragraph: "Network Redundancy:", "Jump Server Access: Configure …". */
const LABEL = /^([A-Z][\p{L}\d/&' -]{1,40}?):(?:\s{1,3}(\S.*))?$/su;
/**
 * Labels that sort work rather than title one piece of it: a timeframe or phase ("Short term:",
 * "Phase 2:"), a priority ("P1:"), a status ("Done:", "In progress:") or a field ("Owner:").
 */
const SORTING =
  /\b(?:term|phase|stage|priority|p[0-4]|immediate(?:ly)?|now|later|next|future|soon|week|month|quarter|sprint|year|done|completed?|open|pending|progress|todo|to do|owner|due|status|notes?|update|observed|found|seen|verified|example|e\.g)\b/i;

/**
 * A paragraph that is one planned item's title over the list after it ("Network Redundancy:" over
 * "- Improving infra setup …"; "Jump Server Access: Configure …, allowing:" over what it allows):
 * items titled so, one after another, are one list of work. Null for a label that sorts the work
 * (a timeframe, a priority, a status), under which the lists stay apart.
 */
export function itemTitle(before: RootContent | null): { label: string; rest: string } | null {
  if (before?.type !== 'paragraph') return null;
  const text = textOf(before).replace(/\s+/g, ' ').trim();
  const m = LABEL.exec(text);
  if (!m || SORTING.test(m[1]) || m[1].split(' ').length > 5) return null;
  return { label: m[1], rest: m[2]?.replace(/:$/, '').trim() ?? '' };
}
