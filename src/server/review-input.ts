import { narrativeKey, type ReviewItem, type ReviewSubject } from '../library/index.js';
import { HttpError } from './http-error.js';
import { DECISIONS, FOLLOW_UP_STATUSES, NARRATIVE } from './review.js';
import { utcStamp } from './review-additions.js';

const bad = (message: string) => new HttpError(400, 'BAD_REQUEST', message);

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) throw bad(`${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function bounded(value: string | undefined, max: number, field: string): string {
  const text = (value ?? '').trim();
  if (text.length > max) throw bad(`${field} is longer than ${max} characters`);
  return text;
}

/** A claim's or suspect's decision and reason, checked. */
export const decisionValue = (fields: Record<string, string | undefined>) => ({
  decision: oneOf(fields.decision, DECISIONS, 'decision'),
  reason: bounded(fields.reason, 2000, 'reason'),
});

/** A follow-up's owner, due date and status, checked. */
export function followUpValue(fields: Record<string, string | undefined>) {
  const due = bounded(fields.due, 10, 'due');
  if (due && !/^\d{4}-\d{2}-\d{2}$/.test(due)) throw bad('due must be a date, YYYY-MM-DD');
  return {
    owner: bounded(fields.owner, 200, 'owner'),
    due,
    status: oneOf(fields.status || 'open', FOLLOW_UP_STATUSES, 'status'),
  };
}

/** A follow-up the reviewer adds: its action (required) and the follow-up fields. */
export function newFollowUpValue(fields: Record<string, string | undefined>) {
  const action = bounded(fields.action, 500, 'action');
  if (!action) throw bad('a new follow-up needs its action');
  return { action, ...followUpValue(fields) };
}

/** A timeline entry the reviewer adds: a UTC time and what happened, both required. */
export function newTimelineValue(fields: Record<string, string | undefined>) {
  const summary = bounded(fields.summary, 2000, 'summary');
  if (!summary) throw bad('a new timeline entry needs what happened (summary)');
  const ts = utcStamp(fields.ts ?? '');
  if (!ts) throw bad('a new timeline entry needs its time, YYYY-MM-DDTHH:MM in UTC');
  return { ts, summary };
}

/**
 * Checks a posted edit against what the incident offers for review and turns it into the key to
 * store it under (from the item's words, see review-keys.ts) and the value, which keeps the item's
 * id and words so a decision whose item leaves the draft can still be shown for what it was.
 */
export function editFor(
  subject: ReviewSubject,
  kind: string,
  item: string,
  fields: Record<string, string>,
): { key: string; value: Record<string, string> } {
  const missing = () =>
    new HttpError(404, 'NOT_FOUND', `no ${kind.replace(/s$/, '')} ${item} in this incident`);
  const find = (items: ReviewItem[]) => {
    const found = items.find((i) => i.id === item);
    if (!found) throw missing();
    return found;
  };
  const about = (i: ReviewItem) => ({ id: i.id, text: i.text });
  if (kind === 'claims') {
    const claim = find(subject.claims);
    return { key: claim.key, value: { ...decisionValue(fields), ...about(claim) } };
  }
  if (kind === 'suspects') {
    const suspect = find(subject.suspects);
    return { key: suspect.key, value: { ...decisionValue(fields), ...about(suspect) } };
  }
  if (kind === 'follow-ups') {
    const followUp = find(subject.followUps);
    return { key: followUp.key, value: { ...followUpValue(fields), ...about(followUp) } };
  }
  if (kind === 'narrative') {
    if (!NARRATIVE.some(([id]) => id === item)) throw missing();
    return { key: narrativeKey(item), value: { text: bounded(fields.text, 20000, 'text') } };
  }
  throw new HttpError(404, 'NOT_FOUND', `no such review item kind: ${kind}`);
}
