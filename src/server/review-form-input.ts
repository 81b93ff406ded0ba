import { createHash } from 'node:crypto';
import { isContentKey, narrativeKey, type ReviewItem, type ReviewSubject } from '../library/index.js';
import { HttpError } from './http-error.js';
import { decisionOf, followUpOf, NARRATIVE, narrativeOf, type ReviewEdits } from './review.js';
import { addedFollowUps, addedTimeline, isAddedKey, nextAddedKey } from './review-additions.js';
import { bounded, decisionValue, followUpValue, newFollowUpValue, newTimelineValue } from './review-input.js';

/** What the page showed in an item's fields, as a short digest the form carries back. */
export const shownMark = (values: string[]) =>
  createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 16);

/** Every change the review form asks for: edits to keep (by key) and added items to forget. */
export interface FormChanges {
  put: [string, Record<string, unknown>][];
  drop: string[];
}

/**
 * Reads the whole review form (fields named `<item key>/<field>`) into the edits it changes. An
 * item is written only when its fields differ from what the page showed (`<key>/shown`), so a
 * page left open in another tab does not undo a newer edit of an item it did not touch.
 * @example formChanges(subject, edits, { 'narrative:lessons/text': 'Canary first.' })
 */
// Long because it reads every part of the form in page order: decisions, follow-ups, narrative, additions.
export function formChanges(
  subject: ReviewSubject,
  edits: ReviewEdits,
  fields: Record<string, string>,
): FormChanges {
  const changes: FormChanges = { put: [], drop: [] };
  const of = (key: string) => {
    const prefix = `${key}/`;
    const own = Object.entries(fields).filter(([name]) => name.startsWith(prefix));
    return own.length ? Object.fromEntries(own.map(([name, v]) => [name.slice(prefix.length), v])) : null;
  };
  const changed = (mine: Record<string, string>, values: string[], current: string[]) =>
    mine.shown !== undefined ? mine.shown !== shownMark(values) : shownMark(current) !== shownMark(values);
  const about = (i: ReviewItem) => ({ id: i.id, text: i.text });

  for (const item of [...subject.claims, ...subject.suspects]) {
    const mine = of(item.key);
    if (!mine) continue;
    const value = decisionValue(mine);
    const now = decisionOf(edits, item.key);
    if (changed(mine, [value.decision, value.reason], [now.decision, now.reason]))
      changes.put.push([item.key, { ...value, ...about(item) }]);
  }
  for (const item of subject.followUps) {
    const mine = of(item.key);
    if (!mine) continue;
    const value = followUpValue(mine);
    const now = followUpOf(edits, item);
    if (changed(mine, [value.owner, value.due, value.status], [now.owner, now.due, now.status]))
      changes.put.push([item.key, { ...value, ...about(item) }]);
  }
  for (const [id] of NARRATIVE) {
    const key = narrativeKey(id);
    const mine = of(key);
    if (!mine) continue;
    const text = bounded(mine.text, 20000, 'text');
    if (changed(mine, [text], [narrativeOf(edits, id)])) changes.put.push([key, { text }]);
  }
  for (const item of addedFollowUps(edits)) {
    const mine = of(item.key);
    if (!mine) continue;
    if (mine.remove) {
      changes.drop.push(item.key);
      continue;
    }
    const value = { action: mine.action ?? item.action, ...followUpValue(mine) };
    const was = [item.action, item.owner, item.due, item.status];
    if (changed(mine, [value.action, value.owner, value.due, value.status], was))
      changes.put.push([item.key, { ...edits[item.key], ...newFollowUpValue(value) }]);
  }
  for (const item of addedTimeline(edits)) if (of(item.key)?.remove) changes.drop.push(item.key);

  const newFollowUp = of('new-follow-up');
  const typed = (f: Record<string, string> | null, names: string[]) =>
    f !== null && names.some((n) => (f[n] ?? '').trim());
  if (typed(newFollowUp, ['action', 'owner', 'due']) && newFollowUp)
    changes.put.push([
      nextAddedKey(edits, 'added-follow-up'),
      { ...newFollowUpValue(newFollowUp), added: new Date().toISOString() },
    ]);
  const newEntry = of('new-timeline');
  if (typed(newEntry, ['summary', 'ts']) && newEntry)
    changes.put.push([
      nextAddedKey(edits, 'added-timeline'),
      { ...newTimelineValue(newEntry), added: new Date().toISOString() },
    ]);

  const live = new Set([
    ...[...subject.claims, ...subject.suspects, ...subject.followUps].map((i) => i.key),
    ...addedFollowUps(edits).map((i) => i.key),
    ...addedTimeline(edits).map((i) => i.key),
  ]);
  const gone = Object.keys(fields)
    .map((name) => name.slice(0, name.lastIndexOf('/')))
    .find((key) => (isContentKey(key) || isAddedKey(key)) && !live.has(key));
  if (gone)
    throw new HttpError(
      409,
      'DRAFT_CHANGED',
      'the draft changed since this page was opened (an item on it is gone): reload the page, then save again',
    );
  return changes;
}
