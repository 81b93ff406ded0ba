import { DateTime } from 'luxon';

const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})\\.?,?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const US_NUMERIC = /\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b/;

const iso = (y: number, m: number, d: number) => {
  const dt = DateTime.fromObject({ year: y, month: m, day: d }, { zone: 'UTC' });
  return dt.isValid ? dt.toISODate() : null;
};

const monthNumber = (name: string) => DateTime.fromFormat(name.slice(0, 3), 'LLL', { locale: 'en' }).month;

/**
 * The first calendar date written in the text, as YYYY-MM-DD: ISO, `29 November 2019`,
 * `January 29, 2026`, or US `05/12/2024`. Null when there is none (or only a placeholder).
 * @example firstDate('On Tuesday 22nd June 2021, the CNI changed') // '2021-06-22'
 */
export function firstDate(text: string): string | null {
  const candidates: { index: number; value: string | null }[] = [];
  const add = (m: RegExpMatchArray | null, value: (m: RegExpMatchArray) => string | null) => {
    if (m && m.index != null) candidates.push({ index: m.index, value: value(m) });
  };
  add(text.match(ISO), (m) => iso(+m[1], +m[2], +m[3]));
  add(text.match(DAY_MONTH_YEAR), (m) => iso(+m[3], monthNumber(m[2]), +m[1]));
  add(text.match(MONTH_DAY_YEAR), (m) => iso(+m[3], monthNumber(m[1]), +m[2]));
  add(text.match(US_NUMERIC), (m) => iso(+m[3], +m[1], +m[2]));
  const found = candidates.filter((c) => c.value).sort((a, b) => a.index - b.index)[0];
  return found?.value ?? null;
}
