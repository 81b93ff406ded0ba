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
  const sentences = text.split(/(?<=[.!?])\s+/);
  if (sentences.length < 2) return false;
  const first = sentences[0];
  if (/\bfollowing\b/i.test(first)) return false;
  return commitmentOf(first).kind === 'outcome';
}
