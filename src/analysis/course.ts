import type { Event, Signal } from '../model/index.js';

/** The events that carry a signal, in time order. */
export const withSignal = (events: Event[], signal: Signal) => events.filter((e) => e.signals.includes(signal));

export const firstAtOrAfter = (events: Event[], ts: number | null) =>
  events.find((e) => ts == null || e.ts >= ts) ?? null;

const MINUTE = 60_000;
export const minutes = (ms: number) => Math.round(ms / MINUTE);

/** "12:04 UTC" for narrative text; times are UTC unless the report is told otherwise. */
export function clock(ts: number, zone = 'UTC'): string {
  const d = new Date(ts);
  if (zone === 'UTC') return `${d.toISOString().slice(11, 16)} UTC`;
  return `${d.toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' })} (${zone})`;
}

/** "4 min", "1 h 5 min", "45 s" */
export function span(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
