import { DateTime } from 'luxon';
import { normaliseZone } from '../../time/index.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Reads "Mon-Fri 14:00-16:00 America/Los_Angeles" into a test of whether a moment falls inside it. */
export function parseChangeWindow(spec: string): ((ts: number) => boolean) | null {
  const m = spec
    .trim()
    .match(
      /^(\w{3})(?:\w*)?(?:\s*-\s*(\w{3})\w*)?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})(?:\s+(\S+))?$/i,
    );
  if (!m) return null;
  const from = DAYS.indexOf(m[1].toLowerCase());
  const to = m[2] ? DAYS.indexOf(m[2].toLowerCase()) : from;
  if (from < 0 || to < 0) return null;
  const zone = normaliseZone(m[7] ?? 'UTC');
  const start = Number(m[3]) * 60 + Number(m[4]);
  const end = Number(m[5]) * 60 + Number(m[6]);
  return (ts) => {
    const local = DateTime.fromMillis(ts, { zone });
    const day = local.weekday - 1;
    const inDays = from <= to ? day >= from && day <= to : day >= from || day <= to;
    const minute = local.hour * 60 + local.minute;
    return inDays && minute >= start && minute < end;
  };
}
