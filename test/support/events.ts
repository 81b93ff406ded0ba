import type { Event, EventKind, Signal } from '../../src/model/index.js';

const T0 = Date.parse('2026-02-10T10:00:00Z');

/** A timeline entry `minutes` after 10:00 UTC, for analysis tests written as a few lines of data. */
export function ev(
  minutes: number,
  kind: EventKind,
  summary: string,
  signals: Signal[] = [],
  extra: Partial<Event> = {},
): Event {
  const ref = extra.ref ?? `${kind.toUpperCase()}-${minutes}`;
  const source = { file: 'test', line: Math.round(minutes) };
  return {
    ts: T0 + minutes * 60_000,
    kind,
    signals,
    service: 'api',
    ref,
    ownRef: true,
    summary,
    details: [],
    attrs: {},
    source,
    sources: [source],
    ...extra,
  };
}
