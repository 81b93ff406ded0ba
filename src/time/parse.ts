import { DateTime } from 'luxon';
import { normaliseZone, ZONE_ABBREVIATION, zoneForAbbreviation } from './zone.js';

export interface TimeContext {
  /** ISO date (YYYY-MM-DD) for times that carry only a time of day. */
  date?: string | null;
  /** Zone for times that carry none (IANA name or abbreviation). */
  zone: string;
}

export type ParsedTime =
  | { ok: true; ms: number; hasDate: boolean; zoneGiven: boolean }
  | { ok: false; reason: string };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?\s*([AaPp]\.?[Mm]\.?)?$/;
const EPOCH = /^\d{10}(\d{3})?(\.\d+)?$/;

function fromParts(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  zone: string,
) {
  const dt = DateTime.fromObject(
    { year: y, month: mo, day: d, hour: h, minute: mi, second: s, millisecond: ms },
    { zone: normaliseZone(zone) },
  );
  return dt.isValid ? dt.toMillis() : null;
}

const fraction = (f: string | undefined) => (f ? Math.round(Number(`0.${f}`) * 1000) : 0);

/**
 * Reads a timestamp as people and tools write it: ISO 8601 (with or without offset), a date and
 * time with a zone abbreviation, a time of day (`12:04`, `10:00 AM PST`, `14:30:00`), or epoch
 * seconds/milliseconds. Naive times take `ctx.zone`; times of day take `ctx.date`.
 * @example parseTime('10:00 AM PST', { date: '2024-05-12', zone: 'UTC' }) // 2024-05-12T18:00:00Z
 */
export function parseTime(input: string, ctx: TimeContext): ParsedTime {
  let text = input.trim().replace(/\s+/g, ' ');
  if (!text) return { ok: false, reason: 'empty time' };
  if (EPOCH.test(text)) {
    const n = Number(text);
    return {
      ok: true,
      ms: text.split('.')[0].length === 13 ? n : Math.round(n * 1000),
      hasDate: true,
      zoneGiven: true,
    };
  }
  let zone = ctx.zone;
  let zoneGiven = false;
  const abbreviation = text.match(new RegExp(`\\s*\\(?${ZONE_ABBREVIATION.source}\\)?$`));
  if (abbreviation) {
    zone = zoneForAbbreviation(abbreviation[1])!;
    zoneGiven = true;
    text = text.slice(0, abbreviation.index).trim();
  }
  const iso = text.match(ISO);
  if (iso) {
    const [, y, mo, d, h, mi, s, f, offset] = iso;
    if (offset) {
      const normalised =
        offset.toUpperCase() === 'Z' ? 'UTC' : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`;
      zone = normalised.replace(/UTC([+-])0?(\d+):00$/, 'UTC$1$2');
      zoneGiven = true;
    }
    const ms = fromParts(+y, +mo, +d, +h, +mi, s ? +s : 0, fraction(f), zone);
    return ms == null
      ? { ok: false, reason: `not a valid time: '${input}'` }
      : { ok: true, ms, hasDate: true, zoneGiven };
  }
  const dateOnly = text.match(DATE_ONLY);
  if (dateOnly) {
    const ms = fromParts(+dateOnly[1], +dateOnly[2], +dateOnly[3], 0, 0, 0, 0, zone);
    return ms == null
      ? { ok: false, reason: `not a valid date: '${input}'` }
      : { ok: true, ms, hasDate: true, zoneGiven };
  }
  const clock = text.match(CLOCK);
  if (clock) {
    const [, hh, mm, ss, f, meridiem] = clock;
    let hour = +hh;
    if (meridiem) {
      if (hour < 1 || hour > 12) return { ok: false, reason: `not a valid 12-hour time: '${input}'` };
      const pm = meridiem[0].toLowerCase() === 'p';
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    if (hour > 23 || +mm > 59 || (ss && +ss > 60))
      return { ok: false, reason: `not a valid time of day: '${input}'` };
    if (!ctx.date)
      return { ok: false, reason: `time of day '${input}' has no date: set 'date' in incident.yaml` };
    const day = ctx.date.match(DATE_ONLY) ?? ctx.date.slice(0, 10).match(DATE_ONLY);
    if (!day) return { ok: false, reason: `manifest date '${ctx.date}' is not YYYY-MM-DD` };
    const ms = fromParts(+day[1], +day[2], +day[3], hour, +mm, ss ? +ss : 0, fraction(f), zone);
    return ms == null
      ? { ok: false, reason: `not a valid time: '${input}'` }
      : { ok: true, ms, hasDate: false, zoneGiven };
  }
  const loose = DateTime.fromRFC2822(text);
  if (loose.isValid) return { ok: true, ms: loose.toMillis(), hasDate: true, zoneGiven: true };
  const http = DateTime.fromHTTP(text);
  if (http.isValid) return { ok: true, ms: http.toMillis(), hasDate: true, zoneGiven: true };
  return { ok: false, reason: `cannot read time '${input}'` };
}

/** A time-of-day or date-time (with an optional zone) at the start of a piece of text. */
export const LEADING_TIME = new RegExp(
  String.raw`^(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)(?:\s*\(?${ZONE_ABBREVIATION.source}\)?)?`,
);
