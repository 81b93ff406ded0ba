import type { Event, Signal } from '../model/index.js';

/** The events that carry a signal, in time order. */
export const withSignal = (events: Event[], signal: Signal) =>
  events.filter((e) => e.signals.includes(signal));

/** At one instant, what a tool or responder did outranks what was said or filed about it. */
const KIND_RANK = [
  'rollback',
  'change',
  'action',
  'alert',
  'page',
  'health',
  'metric',
  'alert_resolved',
  'ack',
  'report',
  'log',
  'note',
  'chat',
  'ticket',
];
const rank = (e: Event) => KIND_RANK.indexOf(e.kind);

/** The first event at or after `ts`; among events at that same instant, the most direct evidence. */
export function firstAtOrAfter(events: Event[], ts: number | null): Event | null {
  const first = events.find((e) => ts == null || e.ts >= ts);
  if (!first) return null;
  return events.filter((e) => e.ts === first.ts).sort((a, b) => rank(a) - rank(b))[0];
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** An entry a document dates only to its day ("2024-03-13 HH:mm"), placed at the day's start. */
export const dayOnly = (e: Event) => e.attrs.dayOnly === true;

/**
 * True when `e` is known only to its day and `timed` is stated at a time of that same day: the
 * day's start is where `e` was put, not when it happened, so it cannot be said to come first.
 */
export const notKnownBefore = (e: Event, timed: Event) =>
  dayOnly(e) && !dayOnly(timed) && timed.ts >= e.ts && timed.ts - e.ts < DAY;
export const minutes = (ms: number) => Math.round(ms / MINUTE);

/** "12:04 UTC" for narrative text; times are UTC unless the report is told otherwise. */
export function clock(ts: number, zone = 'UTC'): string {
  const d = new Date(ts);
  if (zone === 'UTC') return `${d.toISOString().slice(11, 16)} UTC`;
  return `${d.toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' })} (${zone})`;
}

const dayOf = (ts: number) => new Date(ts).toISOString().slice(0, 10);

/**
 * The clock of an incident's story: "12:04 UTC" on the day it began, and with the date on any other
 * day ("07:51 UTC on 2021-06-03"), so that a reader of a story spanning days knows which day each
 * time is on. `first` is when the story begins (impact start, else detection); without it, clocks only.
 */
export function storyClock(first: number | null | undefined): (ts: number) => string {
  return (ts) => `${clock(ts)}${first != null && dayOf(ts) !== dayOf(first) ? ` on ${dayOf(ts)}` : ''}`;
}

/** The story's clock for an incident's moments: it begins at impact start, else at detection. */
export const storyClockOf = (m: { impactStart: Event | null; detected: Event | null }) =>
  storyClock((m.impactStart ?? m.detected)?.ts);

/** "4 min", "1 h 5 min", "45 s" */
export function span(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
