import type { ReviewEdits } from './review.js';

/**
 * Follow-ups and timeline entries the reviewer added, kept as review edits under numbered keys
 * (`added-follow-up:1`, `added-timeline:1`) so the library needs no new table.
 */
export type AddedKind = 'added-follow-up' | 'added-timeline';

export interface AddedFollowUp {
  key: string;
  /** Shown beside it: FU-R1, FU-R2, … (R for review), never reused. */
  id: string;
  action: string;
  owner: string;
  due: string;
  status: string;
}

export interface AddedTimelineEntry {
  key: string;
  /** ISO 8601 UTC. */
  ts: string;
  summary: string;
}

const KEY = /^(added-follow-up|added-timeline):([1-9]\d{0,8})$/;

const field = (value: Record<string, unknown>, name: string) =>
  typeof value[name] === 'string' ? (value[name] as string) : '';

/** The added items of one kind, by number (the order they were added in). */
function added(edits: ReviewEdits, kind: AddedKind) {
  return Object.entries(edits)
    .map(([key, value]) => ({ key, value, m: KEY.exec(key) }))
    .filter((e) => e.m?.[1] === kind)
    .map((e) => ({ key: e.key, n: Number(e.m?.[2]), value: e.value }))
    .sort((a, b) => a.n - b.n);
}

export const addedFollowUps = (edits: ReviewEdits): AddedFollowUp[] =>
  added(edits, 'added-follow-up').map(({ key, n, value }) => ({
    key,
    id: `FU-R${n}`,
    action: field(value, 'action'),
    owner: field(value, 'owner'),
    due: field(value, 'due'),
    status: field(value, 'status') || 'open',
  }));

/** Added timeline entries, earliest first. */
export const addedTimeline = (edits: ReviewEdits): AddedTimelineEntry[] =>
  added(edits, 'added-timeline')
    .map(({ key, value }) => ({ key, ts: field(value, 'ts'), summary: field(value, 'summary') }))
    .sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));

/** The key the next added item of a kind is kept under: one past the highest number so far. */
export function nextAddedKey(edits: ReviewEdits, kind: AddedKind): string {
  const last = added(edits, kind).at(-1)?.n ?? 0;
  return `${kind}:${last + 1}`;
}

export const isAddedKey = (key: string) => KEY.test(key);

/** `2026-02-10T10:06`, with or without seconds, read as UTC (as the page labels it) and written ISO. */
export function utcStamp(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?Z?$/.exec(text.trim());
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}${m[3] ?? ':00'}Z`);
  // Date rolls 30 February over into March; a day that is not on the calendar is refused instead.
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 16) !== `${m[1]}T${m[2]}`) return null;
  return at.toISOString();
}
