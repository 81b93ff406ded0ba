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

const hhmm = (ts: number) => new Date(ts).toISOString().slice(11, 16).replace(':', '');

/** Gives every event a unique, readable ref: its own id where it has one, else kind and UTC time. */
export function assignRefs(events: Event[]): void {
  const taken = new Set<string>();
  const unique = (base: string) => {
    let ref = base;
    for (let n = 2; taken.has(ref); n++) ref = `${base}-${n}`;
    taken.add(ref);
    return ref;
  };
  for (const e of events) if (e.ownRef) e.ref = unique(e.ref);
  for (const e of events) if (!e.ownRef) e.ref = unique(`${PREFIX[e.kind]}-${hhmm(e.ts)}`);
}
