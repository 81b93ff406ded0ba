// The order a document writes its numeric days in. `04/09/2013` is April 9 in US order and
// 4 September in the order most of the world writes; only the document's other days can tell.
import { daysIn, isoDay, MONTH_NAME, type WrittenDay } from '../time/index.js';
import type { SourceLine } from './timeline-setting.js';

/** A day written with digits, slashes or dashes and a year: `04/09/2013`, `25-09-2013`, `4/9/13`. */
const NUMERIC_DAY = /(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/g;

const yearOf = (written: string) => (written.length === 2 ? 2000 + Number(written) : Number(written));
/** A two-digit year only with slashes (`4/9/13`): with dashes it may be a version or an id. */
const isDay = (separator: string, year: string) => year.length === 4 || separator === '/';

/**
 * `day-first` when the document's days say it writes the day before the month: a day only that
 * order can read (`25/09/2013`), or a day written both with digits and with its month's name in the
 * day-first reading (`04/09/2013` and `4th September 2013`); `month-first` on the same evidence the
 * other way; null when nothing tells or the evidence disagrees.
 */
export function dayOrder(lines: SourceLine[]): 'day-first' | 'month-first' | null {
  let dayFirst = 0;
  let monthFirst = 0;
  const named = new Set<string>();
  const either: { us: string; other: string }[] = [];
  for (const { text } of lines) {
    for (const found of daysIn(text)) {
      const written = text.slice(found.start, found.end);
      const iso = found.day.year != null && MONTH_NAME.test(written) ? isoDay(found.day) : null;
      if (iso) named.add(iso);
    }
    for (const m of text.matchAll(NUMERIC_DAY)) {
      if (!isDay(m[2], m[4])) continue;
      const [a, b, year] = [Number(m[1]), Number(m[3]), yearOf(m[4])];
      if (a > 12 && b <= 12) dayFirst++;
      else if (b > 12 && a <= 12) monthFirst++;
      else if (a <= 12 && b <= 12 && a !== b) {
        const us = isoDay({ year, month: a, day: b } satisfies WrittenDay);
        const other = isoDay({ year, month: b, day: a } satisfies WrittenDay);
        if (us && other) either.push({ us, other });
      }
    }
  }
  for (const { us, other } of either) {
    if (named.has(other) && !named.has(us)) dayFirst++;
    else if (named.has(us) && !named.has(other)) monthFirst++;
  }
  if (dayFirst && !monthFirst) return 'day-first';
  if (monthFirst && !dayFirst) return 'month-first';
  return null;
}

/**
 * The document's lines with every numeric day either order could read written as `YYYY-MM-DD` in
 * the order the document's own days confirm, so that each reader of its times reads them alike;
 * the lines as they are when the document writes month first or nothing tells (US order, as every
 * numeric day is read by default).
 */
export function inDocumentDayOrder(lines: SourceLine[]): SourceLine[] {
  if (dayOrder(lines) !== 'day-first') return lines;
  return lines.map((l) => {
    const text = l.text.replace(NUMERIC_DAY, (whole, d: string, sep: string, m: string, y: string) => {
      if (!isDay(sep, y) || Number(d) > 12 || Number(m) > 12) return whole;
      return isoDay({ year: yearOf(y), month: Number(m), day: Number(d) }) ?? whole;
    });
    return text === l.text ? l : { ...l, text };
  });
}
