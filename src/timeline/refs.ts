import type { Event, EventKind } from '../model/index.js';

const PREFIX: Record<EventKind, string> = {
  change: 'CHG',
  rollback: 'RB',
  alert: 'ALT',
  alert_resolved: 'ALT-OK',
  page: 'PAGE',
  ack: 'ACK',
  log: 'LOG',
  metric: 'MET',
  health: 'HC',
  chat: 'CHAT',
  ticket: 'TKT',
  report: 'RPT',
  action: 'ACT',
  note: 'NOTE',
};

/**
 * An id a person can read out: words and short numbers joined by dashes (DEP-7781, ALT-CPU-1042,
 * PD-Q1X7). A uuid, a hash, a 10-digit delivery id or a Slack timestamp is not.
 */
const SAYABLE =
  /^(?:[A-Za-z]{1,12}|[A-Za-z][A-Za-z0-9]{1,4})(?:-(?:[A-Za-z]{1,12}|\d{1,6}|[A-Za-z0-9]{1,4})){0,5}$/;
const MAX_SAYABLE = 24;
/** A source's own prefix worth keeping in a made-up ref (k8s, gh, am, pd, slack), else the kind's. */
const SOURCE_PREFIX = /^([A-Za-z][A-Za-z0-9]{0,5})-/;
/** A suffix a reader adds to a source id for a later record of the same thing: "-resolved". */
const SUFFIX = /-([a-z]{1,12})$/;

export const isSayable = (ref: string) => ref.length <= MAX_SAYABLE && SAYABLE.test(ref);

const hhmm = (ts: number) => new Date(ts).toISOString().slice(11, 16).replace(':', '');

/** The source's own id for an entry: the full one kept in its attributes when its ref was shortened. */
export function sourceIdOf(e: Pick<Event, 'ref' | 'attrs'>): string {
  return typeof e.attrs.sourceId === 'string' ? e.attrs.sourceId : e.ref;
}

/**
 * Gives every event a unique ref a person can read and say: the source's own id where it is short
 * (DEP-7781), else the source's prefix and a number in timeline order (K8S-07, PD-03) with the full
 * id kept in `attrs.sourceId`, else kind and UTC time (ALT-1204). The same bundle gives the same refs.
 */
export function assignRefs(events: Event[]): void {
  const taken = new Set<string>();
  const unique = (base: string) => {
    let ref = base;
    for (let n = 2; taken.has(ref); n++) ref = `${base}-${n}`;
    taken.add(ref);
    return ref;
  };
  const long = events.filter((e) => e.ownRef && !isSayable(e.ref));
  const longIds = new Set(long.map((e) => e.ref));
  for (const e of events) if (e.ownRef && isSayable(e.ref)) e.ref = unique(e.ref);
  const counters = new Map<string, number>();
  const shortened = new Map<string, string>();
  const numbered = (prefix: string) => {
    let ref: string;
    do {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      ref = `${prefix}-${String(n).padStart(2, '0')}`;
    } while (taken.has(ref));
    taken.add(ref);
    return ref;
  };
  // Ids without a suffix first, so "am-3f8c…-resolved" can become the alert's "AM-02-RESOLVED".
  const suffixOf = (id: string) => {
    const m = SUFFIX.exec(id);
    return m && longIds.has(id.slice(0, -m[0].length)) ? m : null;
  };
  for (const e of [...long.filter((e) => !suffixOf(e.ref)), ...long.filter((e) => suffixOf(e.ref))]) {
    const id = e.ref;
    const suffix = suffixOf(id);
    const base = suffix ? shortened.get(id.slice(0, -suffix[0].length)) : undefined;
    const prefix = SOURCE_PREFIX.exec(id)?.[1].toUpperCase() ?? PREFIX[e.kind];
    e.ref = base && suffix ? unique(`${base}-${suffix[1].toUpperCase()}`) : numbered(prefix);
    shortened.set(id, e.ref);
    e.attrs = { ...e.attrs, sourceId: id };
  }
  for (const e of events) if (!e.ownRef) e.ref = unique(`${PREFIX[e.kind]}-${hhmm(e.ts)}`);
}
