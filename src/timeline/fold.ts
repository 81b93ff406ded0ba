import type { Event, FoldedEvent } from '../model/index.js';

const MINUTE = 60_000;
/** A routine record this far from every rollout and event of its object starts an entry of its own. */
const NEAR = 10 * MINUTE;

type Attrs = Record<string, unknown>;
/** A source marks a record routine from what its format says (a Kubernetes event's reason and type). */
const isRoutine = (e: Event) => e.attrs.routine === true;
/**
 * A routine record that folds with the next of its object however far apart, until something
 * else of that object happens: a workflow's passing runs, hours apart, until one fails.
 */
const inStreak = (e: Event) => e.attrs.streak === true;
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const replicaSetsOf = (a: Attrs) =>
  Array.isArray(a.replicaSets) ? a.replicaSets.filter((x): x is string => typeof x === 'string') : [];

/** How far a moment lies from an entry's span (a rollout spans its first to its last scaling step). */
function distance(ts: number, e: Event): number {
  const last = Date.parse(text(e.attrs.lastStep) ?? '');
  const end = Number.isFinite(last) && last > e.ts ? last : e.ts;
  return ts < e.ts ? e.ts - ts : Math.max(0, ts - end);
}

function nearest(ts: number, candidates: Event[]): Event | undefined {
  let best: Event | undefined;
  for (const c of candidates)
    if (distance(ts, c) <= NEAR && (!best || distance(ts, c) < distance(ts, best))) best = c;
  return best;
}

/** The entry a routine record belongs to: the rollout that scaled its replica set, else the latest event on its object. */
function ownerOf(e: Event, kept: Event[]): Event | undefined {
  const rs = text(e.attrs.replicaSet);
  const rollout = rs
    ? nearest(
        e.ts,
        kept.filter((k) => replicaSetsOf(k.attrs).includes(rs)),
      )
    : undefined;
  if (rollout) return rollout;
  const object = text(e.attrs.object);
  const sameObject = kept.filter((k) => object && k.ts <= e.ts && k.attrs.object === object);
  return nearest(e.ts, sameObject);
}

const foldedOf = (e: Event): FoldedEvent => ({
  ts: e.ts,
  summary: e.summary,
  source: e.source,
  ...(e.ownRef ? { id: e.ref } : {}),
});

function foldInto(owner: Event, e: Event): void {
  owner.folded = [...(owner.folded ?? []), foldedOf(e)];
  for (const s of e.sources)
    if (!owner.sources.some((o) => o.file === s.file && o.line === s.line)) owner.sources.push(s);
}

/**
 * Routine records with no entry to join: those of one object within minutes make one entry, and
 * a streak's records one entry until a record of their object that is not routine comes between.
 */
function groupAlone(alone: Event[], kept: Event[]): Event[] {
  const groups: Event[][] = [];
  const between = (object: unknown, from: number, to: number) =>
    kept.some((k) => k.attrs.object === object && k.ts >= from && k.ts <= to);
  const joins = (g: Event[], e: Event) =>
    g[0].attrs.object === e.attrs.object &&
    (inStreak(e)
      ? inStreak(g[0]) && !between(e.attrs.object, g.at(-1)!.ts, e.ts)
      : e.ts - g.at(-1)!.ts <= NEAR);
  for (const e of [...alone].sort((a, b) => a.ts - b.ts)) {
    const group = groups.reduce<Event[] | undefined>((last, g) => (joins(g, e) ? g : last), undefined);
    if (group) group.push(e);
    else groups.push([e]);
  }
  return groups.map(([lead, ...rest]) => {
    if (!rest.length) return lead;
    const reasons = [lead, ...rest].map((e) => text(e.attrs.reason) ?? e.kind);
    const entry: Event = {
      ...lead,
      summary: `${text(lead.attrs.object) ?? lead.summary}: ${[...new Set(reasons)].join(', ')}`,
      sources: [...lead.sources],
    };
    for (const e of [lead, ...rest]) foldInto(entry, e);
    return entry;
  });
}

/**
 * Folds routine records (a pod scheduled, pulled, created, started, stopped) into the one entry of
 * the rollout or event they belong to, which keeps them and cites their places. Records that
 * matter (a failing probe, a back-off, an eviction) are never routine and stay entries.
 */
export function foldRoutine(events: Event[]): Event[] {
  const kept = events.filter((e) => !isRoutine(e));
  const alone: Event[] = [];
  for (const e of events.filter(isRoutine)) {
    // A streak's record is its object's own news (tests passing again), never part of another entry.
    const owner = inStreak(e) ? undefined : ownerOf(e, kept);
    if (owner) foldInto(owner, e);
    else alone.push(e);
  }
  return [...kept, ...groupAlone(alone, kept)].sort((a, b) => a.ts - b.ts);
}
