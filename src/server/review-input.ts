import type { Report } from '../model/index.js';
import { HttpError } from './http-error.js';
import {
  claimKey,
  DECISIONS,
  FOLLOW_UP_STATUSES,
  followUpKey,
  NARRATIVE,
  narrativeKey,
  suspectKey,
} from './review.js';

const bad = (message: string) => new HttpError(400, 'BAD_REQUEST', message);

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) throw bad(`${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function bounded(value: string | undefined, max: number, field: string): string {
  const text = (value ?? '').trim();
  if (text.length > max) throw bad(`${field} is longer than ${max} characters`);
  return text;
}

/** Checks a posted edit against the report and turns it into the item key and value to store. */
export function editFor(
  report: Report,
  kind: string,
  item: string,
  fields: Record<string, string>,
): { key: string; value: Record<string, string> } {
  const decision = () => ({
    decision: oneOf(fields.decision, DECISIONS, 'decision'),
    reason: bounded(fields.reason, 2000, 'reason'),
  });
  const missing = () =>
    new HttpError(404, 'NOT_FOUND', `no ${kind.replace(/s$/, '')} ${item} in this report`);
  if (kind === 'claims') {
    if (!report.claims.some((c) => c.id === item)) throw missing();
    return { key: claimKey(item), value: decision() };
  }
  if (kind === 'suspects') {
    if (!report.suspects.some((s) => s.ref === item)) throw missing();
    return { key: suspectKey(item), value: decision() };
  }
  if (kind === 'follow-ups') {
    if (!report.followUps.some((f) => f.id === item)) throw missing();
    const due = bounded(fields.due, 10, 'due');
    if (due && !/^\d{4}-\d{2}-\d{2}$/.test(due)) throw bad('due must be a date, YYYY-MM-DD');
    return {
      key: followUpKey(item),
      value: {
        owner: bounded(fields.owner, 200, 'owner'),
        due,
        status: oneOf(fields.status, FOLLOW_UP_STATUSES, 'status'),
      },
    };
  }
  if (kind === 'narrative') {
    if (!NARRATIVE.some(([id]) => id === item)) throw missing();
    return { key: narrativeKey(item), value: { text: bounded(fields.text, 20000, 'text') } };
  }
  throw new HttpError(404, 'NOT_FOUND', `no such review item kind: ${kind}`);
}
