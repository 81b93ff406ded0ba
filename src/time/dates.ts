import { DateTime } from 'luxon';

/** A calendar day as written; the year may be missing ("Jan 14") and come from elsewhere. */
export interface WrittenDay {
  year: number | null;
  month: number;
  day: number;
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ORDINAL = '(?:st|nd|rd|th)?';
/** A month named in words ("Feb", "February", "Sept."). */
export const MONTH_NAME = new RegExp(`\\b(?:${MONTHS})\\b`, 'i');
const WEEKDAY = /(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s{1,3}/iy;
/** `2024-12-19`; a slash after it only to end a range (`2024-12-19/20`, `2024-12-19/2024-12-20`), never a path. */
const ISO_DAY = /(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)(?!\/(?!\d{1,2}(?![\d/])|\d{4}-))/y;
const NUMERIC_DAY = /(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/y;
/** `4/21/23`: a two-digit year only with slashes, where version numbers do not look alike. */
const SHORT_YEAR_DAY = /(\d{1,2})(\/)(\d{1,2})\/(\d{2})(?![\d/])/y;
/** `12-05`, `03/26`: a month and day with no year (day first when the first number cannot be a month). */
const MONTH_DAY = /(\d{1,2})([/-])(\d{1,2})(?![\d/-])/y;
/**
 * `–25`: the end of a range of days in one month (`Apr 24–25, 2026`), so the year after it is read;
 * the range reads as its first day. Not a time (`Jan 14 - 15:00`).
 */
const TO_DAY = `(?:\\s?[-–]\\s?\\d{1,2}${ORDINAL}(?![\\d:.]))?`;
const MONTH_FIRST = new RegExp(
  `(${MONTHS})\\.?\\s{1,3}(\\d{1,2})${ORDINAL}(?!\\d)${TO_DAY}(?:,?\\s{1,3}(\\d{4})(?!\\d))?`,
  'iy',
);
const DAY_FIRST = new RegExp(
  `(\\d{1,2})${ORDINAL}\\s{1,3}(?:of\\s{1,3})?(${MONTHS})(?![a-z])\\.?(?:,?\\s{1,3}(\\d{4})(?!\\d))?`,
  'iy',
);
/**
 * `19. April`, `3. March 2021`: a day written with a period, as German and the Nordic languages write it. Only
 * where the words stop after it (a comma, a time, the end), so that a numbered item opening with a
 * month ("1. May cause …") stays an item.
 */
const DAY_DOT_FIRST = new RegExp(
  `(\\d{1,2})\\.\\s{1,3}(${MONTHS})\\.?(?:,?\\s{1,3}(\\d{4})(?!\\d))?(?=\\s{0,3}(?:$|[,;:)\\]*_]|\\d))`,
  'iy',
);

const monthNumber = (name: string) => DateTime.fromFormat(name.slice(0, 3), 'LLL', { locale: 'en' }).month;

function numericDay(m: RegExpExecArray): WrittenDay {
  const dayFirst = m[2] === '.' || +m[1] > 12;
  const year = m[4].length === 2 ? 2000 + +m[4] : +m[4];
  return { year, month: dayFirst ? +m[3] : +m[1], day: dayFirst ? +m[1] : +m[3] };
}

/** True when the day exists (30 February does not); a missing year is checked against a leap year. */
export const isRealDay = (d: WrittenDay) =>
  DateTime.fromObject({ year: d.year ?? 2024, month: d.month, day: d.day }, { zone: 'UTC' }).isValid;

/**
 * Reads a day written at `at` in the text (a weekday before it is allowed): `2022-06-14`,
 * `June 14th, 2022`, `14 June 2022`, `Jan 14`, `02-13-2025` (US order, day first when the first
 * number cannot be a month, and always with dots: `12.05.2024`). Returns the day and where it ends.
 * @example readDayAt('June 14th, 2022, 10:00 AM', 0) // { day: { year: 2022, month: 6, day: 14 }, end: 15 }
 */
export function readDayAt(text: string, at: number): { day: WrittenDay; end: number } | null {
  let pos = at;
  WEEKDAY.lastIndex = pos;
  const weekday = WEEKDAY.exec(text);
  if (weekday) pos += weekday[0].length;
  const tries: [RegExp, (m: RegExpExecArray) => WrittenDay][] = [
    [ISO_DAY, (m) => ({ year: +m[1], month: +m[2], day: +m[3] })],
    [NUMERIC_DAY, numericDay],
    [SHORT_YEAR_DAY, numericDay],
    [MONTH_FIRST, (m) => ({ year: m[3] ? +m[3] : null, month: monthNumber(m[1]), day: +m[2] })],
    [DAY_FIRST, (m) => ({ year: m[3] ? +m[3] : null, month: monthNumber(m[2]), day: +m[1] })],
    [DAY_DOT_FIRST, (m) => ({ year: m[3] ? +m[3] : null, month: monthNumber(m[2]), day: +m[1] })],
  ];
  for (const [re, read] of tries) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) continue;
    const day = read(m);
    if (!isRealDay(day)) return null;
    return { day, end: pos + m[0].length };
  }
  return slippedDayAt(text, pos, weekday !== null);
}

const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAY_FIRST_SLIP =
  /(\d{1,2})(st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?([A-Za-z]{5,10})(?![A-Za-z])(?:,?\s{1,3}(\d{4})(?!\d))?/y;
const MONTH_FIRST_SLIP = /([A-Za-z]{5,10})\s{1,3}(\d{1,2})(st|nd|rd|th)?(?!\d)(?:,?\s{1,3}(\d{4})(?!\d))?/y;

/** True when `a` becomes `b` by one letter missing, added, changed, or two neighbours swapped. */
function oneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return a === b;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const tail = (x: string, n: number) => x.slice(i + n);
  if (a.length === b.length)
    return tail(a, 1) === tail(b, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && tail(a, 2) === tail(b, 2));
  return a.length > b.length ? tail(a, 1) === tail(b, 0) : tail(a, 0) === tail(b, 1);
}

/** A month's full name written with one slip ("Feburary", "Septmber"), first letter kept. */
function slippedMonth(word: string): number | null {
  const w = word.toLowerCase();
  const i = FULL_MONTHS.findIndex((m) => m[0] === w[0] && oneSlipApart(w, m));
  return i < 0 ? null : monthNumber(FULL_MONTHS[i]);
}

/**
 * `Friday 15th Feburary`, `Feburary 15, 2019`: a day whose month is misspelt by one letter, read
 * only where more than the month says it is a day (a weekday before it, an ordinal, or a year).
 */
function slippedDayAt(
  text: string,
  pos: number,
  afterWeekday: boolean,
): { day: WrittenDay; end: number } | null {
  for (const [re, at] of [
    [DAY_FIRST_SLIP, { day: 1, ordinal: 2, month: 3, year: 4 }],
    [MONTH_FIRST_SLIP, { month: 1, day: 2, ordinal: 3, year: 4 }],
  ] as const) {
    re.lastIndex = pos;
    const m = re.exec(text);
    const month = m ? slippedMonth(m[at.month]) : null;
    if (!m || month === null || !(afterWeekday || m[at.ordinal] || m[at.year])) continue;
    const day = { year: m[at.year] ? +m[at.year] : null, month, day: +m[at.day] };
    return isRealDay(day) ? { day, end: pos + m[0].length } : null;
  }
  return null;
}

/** `2026-09`, `September 2026`: a year and month named with no day. */
const YEAR_MONTH = /\b(\d{4})-(0[1-9]|1[0-2])(?![-/\d])/;
const MONTH_YEAR = new RegExp(`\\b(${MONTHS})\\.?,?\\s{1,3}(\\d{4})(?!\\d)`, 'i');

/**
 * The year and month a heading states for the lines below it, with no day (`Timeline (CEST, all
 * 2026-09 unless noted)`, `Timeline — September 2026`), so that a day of the month alone before a
 * time (`21 22:36`) is that month's. Null when it names none, or a whole day.
 */
export function statedMonth(text: string): { year: number; month: number } | null {
  const iso = YEAR_MONTH.exec(text);
  if (iso) return { year: +iso[1], month: +iso[2] };
  const words = MONTH_YEAR.exec(text);
  return words ? { year: +words[2], month: monthNumber(words[1]) } : null;
}

/**
 * Reads a month and day written with digits and no year (`12-05`, `03/26`) at `at`. Only a caller
 * that sees a time of day right after it should trust it: alone it may be a ratio or a version.
 */
export function readMonthDayAt(text: string, at: number): { day: WrittenDay; end: number } | null {
  MONTH_DAY.lastIndex = at;
  const m = MONTH_DAY.exec(text);
  if (!m) return null;
  const dayFirst = +m[1] > 12;
  const day = { year: null, month: dayFirst ? +m[3] : +m[1], day: dayFirst ? +m[1] : +m[3] };
  return isRealDay(day) ? { day, end: at + m[0].length } : null;
}

/**
 * `YYYY-MM-DD` for a day. A day written without a year takes the year of `base` (a `YYYY-MM-DD`)
 * that puts it nearest to `base`: `12-05` in a timeline of March 2019 is December 2018.
 */
export function isoDay(day: WrittenDay, base?: string | null): string | null {
  const on = (year: number) => DateTime.fromObject({ year, month: day.month, day: day.day }, { zone: 'UTC' });
  if (day.year != null) {
    const dt = on(day.year);
    return dt.isValid ? dt.toISODate() : null;
  }
  if (!base) return null;
  const year = Number(base.slice(0, 4));
  const from = DateTime.fromISO(base.slice(0, 10), { zone: 'UTC' });
  const distance = (dt: DateTime) =>
    dt.isValid && from.isValid ? Math.abs(dt.diff(from, 'days').days) : Number.POSITIVE_INFINITY;
  // The base's own year first, so a day it cannot measure against keeps that year.
  const nearest = [year, year - 1, year + 1].map(on).reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return nearest.isValid ? nearest.toISODate() : null;
}

const DAY_START = /(?:^|(?<=[^\p{L}\p{N}]))(?=\d|\p{L})/gu;

/** Every day written in the text, in order, with where it starts and ends (a word may start one). */
export function* daysIn(text: string): Generator<{ day: WrittenDay; start: number; end: number }> {
  for (const m of text.matchAll(DAY_START)) {
    const found = readDayAt(text, m.index);
    if (found) yield { day: found.day, start: m.index, end: found.end };
  }
}

/**
 * The first calendar date with a year written in the text, as YYYY-MM-DD: ISO, `29 November 2019`,
 * `January 29, 2026`, or US `05/12/2024`. Null when there is none (or only a placeholder).
 * @example firstDate('On Tuesday 22nd June 2021, the CNI changed') // '2021-06-22'
 */
export function firstDate(text: string): string | null {
  for (const { day } of daysIn(text)) if (day.year != null) return isoDay(day);
  return null;
}
