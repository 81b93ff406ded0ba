import { isRealDay, readDayAt, readMonthDayAt, type WrittenDay } from './dates.js';
import { cityZone, hasZoneWords, type ZoneWords, zoneWordsIn } from './stated-zone.js';

/** A time of day as written, already on a 24-hour clock. */
export interface Clock {
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** What a line's leading timestamp says, and the text after it. */
export interface Stamp {
  day: WrittenDay | null;
  /** Null when only a day is written. */
  clock: Clock | null;
  /** The zone written with the time (`UTC`, `PST`, `GMT+2`, `Z`, `+01:00`). */
  zone: ZoneWords;
  /** `~`, `ca.`, `around`, or a range (`13:30-13:45`): the start, approximate. */
  approximate: boolean;
  /** A separator (`-`, `–`, `—`, `:`, `|`) stands between the stamp and the text. */
  separated: boolean;
  /** The time slot written but left unfilled after a day (`HH:mm`, `--:--`), when there is one. */
  timeUnknown?: string;
  /** Minutes the written time spans, its minutes unknown (`09:XX`: 60, `16:1x`: 10). */
  spanMinutes?: number;
  rest: string;
  /** The same moment written again in another zone (`13:14 EDT (17:14 UTC)`), when it is. */
  restated?: { clock: Clock; zone: ZoneWords };
  /** The time is marked as on the day after the entries before it (`10:14 (next day)`, `02:10 +1d`). */
  nextDay?: true;
}

/** How a caller lets a stamp end. */
export interface StampOptions {
  /** A comma and a space may end the stamp (`14:33, admin@… receives`), as in a list item. */
  comma?: boolean;
  /**
   * The text is a whole cell of a timeline table's time column, where a month and day alone
   * (`06-06`, `05-12 → 13`) is the row's day: the column says it is a date, not a ratio or a version.
   */
  cell?: boolean;
  /**
   * The year and month the section states for its lines (`all 2026-09`): a day of the month alone
   * before a time (`21 22:36`) is then that month's day.
   */
  month?: { year: number; month: number } | null;
  /**
   * The document writes its times as four digits without a colon (`1738: Cloudinary posted …`):
   * such a time opens the line before a separator though no day or zone is written beside it.
   */
  fourDigit?: boolean;
}

/** A line that starts like a timestamp but cannot be read as one (`HH:mm`, `20202-01-16`). */
export interface BrokenStamp {
  broken: string;
}

const APPROX =
  /(?:~|≈|±\s{0,2}(?:\d{1,3}\s{0,2}(?:s|m|h|min)\b|\?)?|ca\.|circa\b|around\b|about\b|approx(?:\.|imately\b)|roughly\b|at\s{1,3}(?:approximately|around|about|roughly)\b)\s{0,3}/iy;
/** `Early morning July 12th, 2018`, `Evening of March 3`: a part of the day before the day it names. */
const PART_OF_DAY =
  /(?:(?:early|late|mid)[\s-]{1,3})?(?:morning|afternoon|evening|night)(?:\s{1,3}(?:of|on))?,?\s{1,3}/iy;
const DAY_TIME_SEPARATOR = /(?:\s{0,3}(?:,|\bat\b|-|–|—|@)\s{0,3}|\s{1,3}|T)/iy;
const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?![\d]|:\d)/y;
/**
 * `2022-02-02 1625: x`: a 24-hour time without its colon, read only right after a day and before a
 * separator or a zone (`2022-02-02 1500 requests failed` is a count).
 */
const FOUR_DIGIT_CLOCK = /([01]\d|2[0-3])([0-5]\d)(?=\s{0,2}(?:[:|\-–—](?!\d)|(?:Z|UTC|GMT)(?![A-Za-z])))/y;
/**
 * `10.42: the application became unavailable`, `10.42am`, `23.27 – engineer starts …`: a time
 * written with a dot, as British, Australian and European writers do; read only before a colon and
 * a space, before AM/PM, or (a two-digit hour) before a dash between spaces (`1.12 release` and
 * `1.12 – notes` are versions).
 */
const DOT_CLOCK =
  /([01]?\d|2[0-3])\.([0-5]\d)(?=\s{0,2}(?:[AaPp]\.?[Mm](?![A-Za-z])|:\s))|([01]\d|2[0-3])\.([0-5]\d)(?=\s{1,3}[–—-]\s)/y;
/**
 * `2023-09-18 15.26 Compared …`: right after a day, a two-digit hour and its minutes with a dot, as
 * one line among `HH:MM` ones is written (`1.12` or `15.26.1` stays a version).
 */
const DAY_DOT_CLOCK = /([01]\d|2[0-3])\.([0-5]\d)(?=\s)/y;
/**
 * `14h05 alert fires`, `18h05 UTC`: a time written with an "h" between hour and minutes, as French,
 * Portuguese and other European writers do; minutes always given (`2h` is a duration).
 */
const H_CLOCK = /([01]?\d|2[0-3])h([0-5]\d)(?![\w:.])/y;
/** `1625 UTC - x`, `0930Z x`: without a day, a four-digit time only with its zone (`2019: …` is a year). */
const FOUR_DIGIT_ZONED_CLOCK = /([01]\d|2[0-3])([0-5]\d)(?=\s{0,2}(?:Z|UTC|GMT)(?![A-Za-z]))/y;
/**
 * `14:??`, `06:xxZ`: the hour is known, the minutes are not; read as the hour, approximate.
 * `16:0x`, `16:1xz`: the tens of the minutes are known too; read as the start of those ten minutes.
 */
const HOUR_KNOWN = /(\d{1,2}):(?:([0-5])[Xx?]|\?\?|[Xx]{2}|[Mm]{2}|--)(?:(?=[Zz](?![A-Za-z0-9]))|(?![\w?]))/y;
const TRAILING_APPROX = /\s{0,2}~/y;
const HOUR_ONLY = /(\d{1,2})(?=\s{0,2}[AaPp]\.?\s?[Mm]\.?(?![A-Za-z]))/y;
const MERIDIEM = /\s{0,2}([AaPp])\.?\s?[Mm]\.?(?![A-Za-z])/y;
/** `11:21a`, `12:28p`: the short form, one letter written right after the minutes. */
const SHORT_MERIDIEM = /([ap])(?![A-Za-z0-9])/y;
/** `Z`, or `z` as some write it (`~16:00z`), or an offset. */
const ISO_ZONE = /(?:[Zz](?![A-Za-z])|([+-])(\d{2}):?(\d{2})(?!\d))/y;
/**
 * `2017-01-31 23:00 +0100`, `23:00:00 -0700` (as `date` and `git log` print it): an offset after a
 * space, four digits with its sign; with a colon (`+01:00`) only after a day, where "23:00 -01:00"
 * cannot be a range.
 */
const SPACED_OFFSET = /\s([+-])(\d{2})(\d{2})(?![\d:])/y;
const SPACED_COLON_OFFSET = /\s([+-])(\d{2}):(\d{2})(?![\d:])/y;
const RANGE_END =
  /\s{0,3}(?:-|–|—|→|->|to\b|until\b)\s{0,3}~?\d{1,2}(?::\d{2}){1,2}(?:\s{0,2}[AaPp]\.?\s?[Mm]\.?(?![A-Za-z]))?(?![\d:])([Zz](?![A-Za-z0-9]))?/iy;
const ZONE_CHUNK =
  /\s{0,2}\(?\s{0,2}(?:[A-Z][A-Za-z]{1,20}\/[A-Z][A-Za-z_]{1,30}|(?:UTC|GMT)(?:\s{0,2}[+\-−]\s{0,2}\d{1,2}(?::?\d{2})?)?|[A-Z]{1,5}|(?:Eastern|Central|Mountain|Pacific|Western)(?:\s{1,2}European)?(?:\s{1,2}(?:Standard|Daylight|Summer))?(?:\s{1,2}Time)?)\s{0,2}\)?(?![A-Za-z0-9])/y;
/**
 * `16:37 Denver - …`: a city whose zone the time is in, before the line's separator; not a name
 * before a colon, as a chat line writes its speaker (`10:02 Casey: looking`).
 */
const CITY_CHUNK = /\s{1,2}([A-Z][a-z]{2,20}(?:[ _][A-Z][a-z]{1,20}){0,2})(?=\s{0,2}(?:[-–—|,)]|$))/y;
/** `→ 06-12`, ` - 2026-06-12`: the end of a span of days written after its first day. */
const DAY_RANGE_END =
  /\s{0,3}(?:(?:→|->|–|—|-|to\b|until\b)\s{0,3}(?:\d{4}-)?[01]\d-[0-3]\d|(?:→|->)\s{0,3}[0-3]?\d)(?![\d-]|:\d)/iy;
/** The end of a cell: nothing but space and emphasis left. */
const CELL_END = /[\s*_`]*$/y;
/** `13:14 EDT (17:14 UTC)`: the same time restated in another zone, in brackets. */
const RESTATED_OPEN = /\s{0,2}[([]\s{0,2}/y;
const RESTATED_CLOSE = /\s{0,2}[)\]]/y;
/** `- 14:33, admin@pypi.org receives …`: a comma and a space after a list item's time. */
const COMMA_AFTER = /,(?=\s)/y;
const ON = /\s{0,3}(?:,\s{0,2})?(\(\s{0,2})?(?:on\s{1,3})?/iy;
/** `(next day)`, `(the following day)`, `+1d`, `(+1 day)` after a time: the day after the entries before it. */
const NEXT_DAY =
  /\s{0,3}(?:\(\s{0,2}(?:(?:the\s{1,3})?(?:next|following)\s{1,3}day|\+\s{0,1}1\s{0,1}d(?:ay)?)\s{0,2}\)|\+1d(?![\w]))/iy;
const CLOSE = /\s{0,2}\)/y;
/** `2022-02-02 X: …`: a time written as a lone mark; no reader can tell it, so the line is undated. */
const LONE_MARK_TIME = /\s{1,3}(?:[Xx]{1,2}|\?{1,3}|TBD)(?=\s{0,2}[:|\-–—]\s)/y;
const PLACEHOLDER = /\s{0,3}(?:[Hh]{2}|--|\?\?|[Xx]{2}):(?:[Mm]{2}|--|\?\?|[Xx]{2})/y;
/** `2022-05-??`, `2023-MM-DD`: a day with a part written as a placeholder. */
const BROKEN =
  /(?:[\d?]{1,5}[-/.](?:[\d?]{1,2}|MM|XX|xx)[-/.](?:[\d?]{1,5}|DD|XX|xx)(?:\s{1,3}[\dHh?-]{1,2}:[\dMm?-]{2})?|(?:[Hh]{2}|--|\?\?|[\dXx][Xx]):(?:[Mm]{2}|--|\?\?|[Xx]{2}))/y;
/** What may follow a timestamp: the end, a space or a separator; not a comma or letter (CSV cells, log fields). */
const AFTER = /$|[\s:*_|\-–—\])]/y;
/** `09:11 UTC on Tuesday, July 12th 2022, the server …`: the comma that closes a day told after the time. */
const DAY_COMMA = /,(?=\s)/y;
const DAY_OF_MONTH = /(\d{1,2})\s{1,3}/y;
const LEAD_SEPARATORS = /^\s{0,5}(?:[:\-–—|)\]]\s{0,5}){0,3}/;

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function readClock(
  text: string,
  pos: number,
): { clock: Clock; end: number; approximate?: boolean; spanMinutes?: number } | { broken: true } | null {
  const partial = at(HOUR_KNOWN, text, pos);
  if (partial) {
    const hour = Number(partial[1]);
    if (hour > 23) return { broken: true };
    const minute = partial[2] ? Number(partial[2]) * 10 : 0;
    return {
      clock: { hour, minute, second: 0, ms: 0 },
      end: pos + partial[0].length,
      approximate: true,
      spanMinutes: partial[2] ? 10 : 60,
    };
  }
  const m = at(CLOCK, text, pos);
  const hourOnly = m ? null : at(HOUR_ONLY, text, pos);
  if (!m && !hourOnly) return null;
  let end = pos + (m ?? hourOnly)![0].length;
  let hour = Number((m ?? hourOnly)![1]);
  const minute = m ? Number(m[2]) : 0;
  const second = m?.[3] ? Number(m[3]) : 0;
  const ms = m?.[4] ? Math.round(Number(`0.${m[4]}`) * 1000) : 0;
  const meridiem = at(MERIDIEM, text, end) ?? (m ? at(SHORT_MERIDIEM, text, end) : null);
  if (meridiem) {
    end += meridiem[0].length;
    const pm = meridiem[1].toLowerCase() === 'p';
    // "13:55 PM" and "23:00 AM": a 24-hour time says its hour itself; the AM/PM adds nothing.
    if (hour < 1 && !m) return { broken: true };
    if (hour >= 1 && hour <= 12) hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 60) return { broken: true };
  return { clock: { hour, minute, second, ms }, end };
}

/**
 * Reads the timestamp a timeline line starts with: an optional approximation mark, a day in any
 * common spelling, a time of day (24- or 12-hour, `9pm`), a range, a zone, or a day after the
 * time (`12:45 PM PST Saturday Oct 30th`). Null when the line does not start with one.
 * @example readStamp('~13:30-13:45 UTC – errors rise') // { clock: 13:30, approximate: true, zone: { abbreviation: 'UTC' }, rest: 'errors rise' }
 */
export function readStamp(
  text: string,
  { comma = false, cell = false, month = null, fourDigit = false }: StampOptions = {},
): Stamp | BrokenStamp | null {
  let pos = 0;
  let approximate = false;
  const approx = at(APPROX, text, pos);
  if (approx) {
    approximate = true;
    pos += approx[0].length;
  }
  let day: WrittenDay | null = null;
  // "Early morning July 12th": the day is known, the time only roughly; read as the day, approximate.
  const part = approx ? null : at(PART_OF_DAY, text, pos);
  const partDay = part ? readDayAt(text, pos + part[0].length) : null;
  if (part && partDay) {
    approximate = true;
    pos += part[0].length;
  }
  // `12-05 16:21`: a month and day without a year only counts when a time of day follows it.
  const written =
    readDayAt(text, pos) ??
    monthDayBeforeClock(text, pos) ??
    (cell ? wholeMonthDay(text, pos) : null) ??
    (month ? dayOfMonthBeforeClock(text, pos, month) : null);
  if (written) {
    day = written.day;
    pos = written.end;
  }
  let clock: Clock | null = null;
  let restated: Stamp['restated'];
  let nextDay = false;
  const tryClock = (from: number) => {
    const again = at(APPROX, text, from);
    if (again) approximate = true;
    return readClock(text, from + (again?.[0].length ?? 0));
  };
  let read = day
    ? null
    : (tryClock(pos) ??
      fourDigitClock(text, pos, FOUR_DIGIT_ZONED_CLOCK) ??
      (fourDigit ? fourDigitClock(text, pos) : null) ??
      dotClock(text, pos) ??
      fourDigitClock(text, pos, H_CLOCK));
  let timeUnknown: string | undefined;
  let spanMinutes: number | undefined;
  if (day) {
    const separator = at(DAY_TIME_SEPARATOR, text, pos);
    if (separator)
      read =
        tryClock(pos + separator[0].length) ??
        fourDigitClock(text, pos + separator[0].length) ??
        fourDigitClock(text, pos + separator[0].length, DAY_DOT_CLOCK) ??
        fourDigitClock(text, pos + separator[0].length, H_CLOCK);
    const placeholder = read ? null : at(PLACEHOLDER, text, pos);
    // "2020-12-21 HH:mm": the day is known, its time is not.
    if (placeholder) {
      timeUnknown = placeholder[0].trim();
      approximate = true;
      pos += placeholder[0].length;
    }
    const mark = read || placeholder ? null : at(LONE_MARK_TIME, text, pos);
    if (mark) return { broken: text.slice(0, pos + mark[0].length).trim() };
  }
  if (read && 'broken' in read) return brokenAt(text) ?? { broken: text.slice(0, 12).trim() };
  if (read) {
    clock = read.clock;
    pos = read.end;
    if (read.approximate) approximate = true;
    if ('spanMinutes' in read && typeof read.spanMinutes === 'number') spanMinutes = read.spanMinutes;
    const tilde = at(TRAILING_APPROX, text, pos);
    if (tilde) {
      approximate = true;
      pos += tilde[0].length;
    }
  }
  if (!day && !clock) return brokenAt(text);
  let zone: ZoneWords = {};
  if (clock) {
    // An offset glued to the time belongs to an ISO date-time; after a bare time "-13:45" is a range.
    const iso =
      (day || text[pos] === 'Z' || text[pos] === 'z' ? at(ISO_ZONE, text, pos) : null) ??
      at(SPACED_OFFSET, text, pos) ??
      (day ? at(SPACED_COLON_OFFSET, text, pos) : null);
    if (iso) {
      pos += iso[0].length;
      zone = iso[1]
        ? { offset: (iso[1] === '-' ? -1 : 1) * (Number(iso[2]) * 60 + Number(iso[3])) }
        : { abbreviation: 'UTC' };
    }
    const range = at(RANGE_END, text, pos);
    if (range) {
      approximate = true;
      pos += range[0].length;
      // `16:27→16:30z`: the zone written after the range is the start's too.
      if (range[1] && !hasZoneWords(zone)) zone = { abbreviation: 'UTC' };
    }
    for (let n = 0; n < 2; n++) {
      const chunk = zoneChunkAt(text, pos);
      if (!chunk) break;
      zone = {
        ...chunk.words,
        ...zone,
        ...(chunk.words.offset !== undefined ? { offset: chunk.words.offset } : {}),
      };
      pos = chunk.end;
    }
    const again = restatedAt(text, pos);
    if (again) {
      restated = again.restated;
      pos = again.end;
    }
    const next = day ? null : at(NEXT_DAY, text, pos);
    if (next) {
      nextDay = true;
      pos += next[0].length;
    }
    if (!day) {
      const on = at(ON, text, pos);
      const from = pos + (on?.[0].length ?? 0);
      // `00:20 (08-04)`: a month and day of digits after a time only in brackets of their own.
      const after = readDayAt(text, from) ?? (on?.[1] ? readMonthDayAt(text, from) : null);
      const closing = after && on?.[1] ? at(CLOSE, text, after.end) : null;
      const end = after ? after.end + (closing?.[0].length ?? 0) : 0;
      const comma = after && !on?.[1] ? at(DAY_COMMA, text, end) : null;
      if (after && (!on?.[1] || closing) && (comma || at(AFTER, text, end))) {
        day = after.day;
        pos = end + (comma?.[0].length ?? 0);
      }
    }
  }
  // `2026-06-10 → 06-12`: a span of days, read as its first day, approximate.
  const days = day && !clock ? at(DAY_RANGE_END, text, pos) : null;
  if (days) {
    approximate = true;
    pos += days[0].length;
  }
  const byComma = comma && clock ? at(COMMA_AFTER, text, pos) : null;
  if (byComma) pos += byComma[0].length;
  else if (!at(AFTER, text, pos)) return null;
  const after = text.slice(pos);
  const rest = after.replace(LEAD_SEPARATORS, '').trim();
  return {
    day,
    clock,
    zone,
    approximate,
    separated: /^\s{0,3}[-–—:|]/.test(after),
    rest,
    ...(timeUnknown ? { timeUnknown } : {}),
    ...(spanMinutes ? { spanMinutes } : {}),
    ...(restated ? { restated } : {}),
    ...(nextDay ? { nextDay: true as const } : {}),
  };
}

/** A zone written after a time (`UTC`, `(PST)`, `GMT+2`, `Eastern`, `Denver`), and where it ends. */
function zoneChunkAt(text: string, pos: number): { words: ZoneWords; end: number } | null {
  const chunk = at(ZONE_CHUNK, text, pos);
  const words = chunk ? zoneWordsIn(chunk[0], { bareRegion: true }) : {};
  if (chunk && hasZoneWords(words)) return { words, end: pos + chunk[0].length };
  const city = at(CITY_CHUNK, text, pos);
  const iana = city ? cityZone(city[1]) : undefined;
  return city && iana ? { words: { iana }, end: pos + city[0].length } : null;
}

/** `(17:14 UTC)` after a time: the same moment in another zone, which must be named. */
function restatedAt(
  text: string,
  pos: number,
): { restated: NonNullable<Stamp['restated']>; end: number } | null {
  const open = at(RESTATED_OPEN, text, pos);
  if (!open) return null;
  const read = readClock(text, pos + open[0].length);
  if (!read || 'broken' in read) return null;
  const chunk = zoneChunkAt(text, read.end);
  if (!chunk) return null;
  const closed = text.slice(read.end, chunk.end).includes(')');
  const close = closed ? null : at(RESTATED_CLOSE, text, chunk.end);
  if (!closed && !close) return null;
  return { restated: { clock: read.clock, zone: chunk.words }, end: chunk.end + (close?.[0].length ?? 0) };
}

function fourDigitClock(
  text: string,
  pos: number,
  re: RegExp = FOUR_DIGIT_CLOCK,
): { clock: Clock; end: number; approximate?: boolean } | null {
  const m = at(re, text, pos);
  if (!m) return null;
  return { clock: { hour: Number(m[1]), minute: Number(m[2]), second: 0, ms: 0 }, end: pos + m[0].length };
}

/** A dotted time (`10.42:`, `10.42am`), its AM/PM read as a colon's would be. */
function dotClock(text: string, pos: number): { clock: Clock; end: number; approximate?: boolean } | null {
  const m = at(DOT_CLOCK, text, pos);
  if (!m) return null;
  // The same time with a colon, as long as the dotted one, and what follows it (AM/PM).
  const [hour, minute] = m[1] !== undefined ? [m[1], m[2]] : [m[3], m[4]];
  const read = readClock(`${hour}:${minute}${text.slice(pos + m[0].length, pos + m[0].length + 8)}`, 0);
  if (!read || 'broken' in read) return null;
  return { clock: read.clock, end: pos + read.end };
}

function monthDayBeforeClock(text: string, pos: number): { day: WrittenDay; end: number } | null {
  const written = readMonthDayAt(text, pos);
  if (!written) return null;
  const separator = at(DAY_TIME_SEPARATOR, text, written.end);
  const clock = separator ? at(CLOCK, text, written.end + separator[0].length) : null;
  return clock ? written : null;
}

/** `21 22:36` in a section that states its month: the day of that month, when a time follows. */
function dayOfMonthBeforeClock(
  text: string,
  pos: number,
  { year, month }: { year: number; month: number },
): { day: WrittenDay; end: number } | null {
  const m = at(DAY_OF_MONTH, text, pos);
  if (!m || !at(CLOCK, text, pos + m[0].length)) return null;
  const day = { year, month, day: Number(m[1]) };
  return isRealDay(day) ? { day, end: pos + m[1].length } : null;
}

/** A month and day alone that fills the rest of a table cell, maybe as the first day of a span. */
function wholeMonthDay(text: string, pos: number): { day: WrittenDay; end: number } | null {
  const written = readMonthDayAt(text, pos);
  if (!written) return null;
  const span = at(DAY_RANGE_END, text, written.end);
  return at(CELL_END, text, written.end + (span?.[0].length ?? 0)) ? written : null;
}

function brokenAt(text: string): BrokenStamp | null {
  const m = at(BROKEN, text, 0);
  return m ? { broken: m[0].trim() } : null;
}

export const isBroken = (s: Stamp | BrokenStamp | null): s is BrokenStamp => s != null && 'broken' in s;
