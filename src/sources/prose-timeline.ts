// A story told in prose ("At 12:47 AM PDT on April 21st, a network change was performed …") as the
// timeline it tells: each sentence that names a time of day becomes a line led by that time (and the
// day and zone the sentence gives), so the timeline reader dates it as it dates any entry.
import type { RawEvent } from '../model/index.js';
import { boldFieldLabel } from '../text/bold-field.js';
import { inDigits } from '../text/number-words.js';
import { firstSentence, sentencesOf } from '../text/sentences.js';
import { daysIn, isBroken, isoDay, readDayAt, readStamp, type WrittenDay } from '../time/index.js';
import { statedDurations } from './document-statements/index.js';
import { frontMatterEnd, type SourceLine } from './timeline-setting.js';

const MERIDIEM_SRC = String.raw`\s{0,2}[AaPp]\.?\s?[Mm]\.?(?![A-Za-z])`;
/** A clock as prose writes one: `12:47`, `14:05:10`, `9` before a meridiem (`9pm`), `1100` before UTC. */
const CLOCK_SRC = String.raw`(?:(\d{1,2}):([0-5]\d)(?::[0-5]\d)?(?![\d:])|(1[0-2]|0?[1-9])(?=${MERIDIEM_SRC})|([01]\d|2[0-3])([0-5]\d)(?=\s{0,2}(?:UTC|GMT)(?![A-Za-z])))(${MERIDIEM_SRC})?`;
/** A time of day inside a sentence: `12:47 AM`, `9:16 p.m.`, `14:05`, `9pm`, `1100 UTC`. */
const CLOCK_IN_TEXT = new RegExp(String.raw`(?:(?<![\w:.])|(?<=\d-\d{2}T))${CLOCK_SRC}`, 'g');
/** The first such time (a regex of its own: `exec` on a global one would leave it mid-text for `matchAll`). */
const FIRST_CLOCK = new RegExp(CLOCK_IN_TEXT.source);
/** A zone written after a time: `PDT`, `UTC`, `(UTC)`, `GMT+2`, `UTC-7`, `US/Pacific`, `Pacific Time`. */
const ZONE_AFTER =
  /^\s{0,2}\(?\s{0,2}([A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z][A-Za-z]{1,20}\/[A-Z][A-Za-z_]{1,30}|(?:Eastern|Central|Mountain|Pacific)(?:\s(?:Standard|Daylight))?(?:\s[Tt]ime)?)\)?(?![A-Za-z/])/;
/** A day written between a range's connector and its end time: `2025-07-31 `, `July 31, `, `31 July 2025 at `. */
const DAY_IN_RANGE_SRC = String.raw`(?:\d{4}-\d{2}-\d{2}[T\s]\s{0,2}|[A-Z][a-z]{2,8}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?(?:\s{1,3}\d{4},?)?\s{1,3}(?:at\s{1,3})?|\d{1,2}(?:st|nd|rd|th)?\s{1,3}[A-Z][a-z]{2,8}\.?,?(?:\s{1,3}\d{4},?)?\s{1,3}(?:at\s{1,3})?)`;
/**
 * The end of a range after its start: `9:16 PM to 11:16 PM PDT`, `1100 UTC and 1200 UTC`, `21:27 UTC
 * and 2025-07-31 07:27 UTC` (the end's day read apart), `02:34-02:40 UTC` (a dash needs no spaces).
 */
const RANGE_END = new RegExp(
  String.raw`^(?:\s{0,2}[A-Z]{2,4})?,?(?:\s{1,3}(?:to|until|till|and)\s{1,3}|\s{0,3}[-–—]\s{0,3})${DAY_IN_RANGE_SRC}?${CLOCK_SRC}`,
);
/** The same end, matched where a time ends inside a longer text (sticky: no copy of the rest). */
const RANGE_END_AT = new RegExp(RANGE_END.source.slice(1), 'y');

/** What a clock match says: the clock as written (without its meridiem), its hour and minute, its meridiem. */
function clockOf(m: RegExpExecArray) {
  const meridiem = m[6]?.trim();
  return {
    text: m[0].slice(0, m[0].length - (m[6]?.length ?? 0)).trim(),
    hour: Number(m[1] ?? m[3] ?? m[4]),
    minute: Number(m[2] ?? m[5] ?? 0),
    meridiem,
  };
}
/** A time that ends a state: "errors persisted until 1:30 AM". */
const UNTIL_BEFORE = /\b(?:until|till)\s{1,3}(?:about\s{1,3}|around\s{1,3})?$/i;
/** Words before a time that make it approximate: "around 9:20", "at about 14:00", "~13:30". */
const APPROXIMATE_BEFORE =
  /(?:around|about|approximately|approx\.|roughly|circa|ca\.|~)\s{0,3}(?:at\s{1,3})?$/i;
const WORDS = /[A-Za-z]{2,}/g;
/** A sentence needs this many words besides its time to be an entry, not a label or a figure. */
const MIN_WORDS = 4;

const FENCE = /^\s{0,3}(?:```|~~~)/;
const BLOCK = /^\s{0,3}(?:#{1,6}\s|\||<|>|---\s*$|===\s*$|\[[^\]]{1,80}\]:\s)/;
const BULLET = /^(\s{0,24})(?:[-*+]|\d{1,3}[.)])\s{1,8}/;

/**
 * Where a sentence's clauses join: ", and", "; ", ", but", ", then", ", after which", ", while", or
 * "and" before a word in lower case ("detected at 23:24 UTC and engineers were engaged at 23:35"),
 * not before a range's end ("between 23:19 and 04:10", "and 08 February").
 */
const CLAUSE_JOIN =
  /(?:(?:,\s{0,2}(?:and|but|then|while|with|which|after which|and then)|;)\s{1,3}|\s{1,3}and\s{1,3}(?=[a-z][a-z-]{2,20}\s))/g;

/**
 * A sentence that names several times in turn ("Capacity began to return at 15:19, and full
 * service was resumed by 16:10") as its clauses, each from the join before its time; a time with
 * no join before it since the last one (a range's end, "starting at 11:02") stays in its clause.
 */
export function clausesOf(sentence: string): { text: string; at: number }[] {
  const times = [...sentence.matchAll(CLOCK_IN_TEXT)];
  if (times.length < 2) return [{ text: sentence, at: 0 }];
  const joins = [...sentence.matchAll(CLAUSE_JOIN)];
  const cuts: { join: number; at: number }[] = [];
  let lastEnd = times[0].index + times[0][0].length;
  let j = 0;
  for (const t of times.slice(1)) {
    // The last join between the previous time and this one; joins and times are both in order.
    let join: RegExpExecArray | null = null;
    for (; j < joins.length && joins[j].index < t.index; j++) if (joins[j].index >= lastEnd) join = joins[j];
    if (join) cuts.push({ join: join.index, at: join.index + join[0].length });
    lastEnd = t.index + t[0].length;
  }
  // "While a routine deployment began at 9:09 AM, the impact started at 2:45 PM": a sentence that
  // opens with its subordinate clause has its main clause after the first comma past the first time.
  if (!cuts.length && SUBORDINATE_LEAD.test(sentence)) {
    const first = times[0].index + times[0][0].length;
    const comma = sentence.indexOf(',', first);
    if (comma >= 0 && comma < times[1].index) {
      const at = comma + 1 + (/^\s{0,8}/.exec(sentence.slice(comma + 1, comma + 9))?.[0].length ?? 0);
      cuts.push({ join: comma, at });
    }
  }
  const starts = [0, ...cuts.map((c) => c.at)];
  const ends = [...cuts.map((c) => c.join), sentence.length];
  return starts.map((at, i) => ({ text: sentence.slice(at, ends[i]).trim(), at }));
}

/** The fraction of a second and `Z` closing an ISO date-time. */
const ISO_UTC = /^(?:\.\d{1,9})?Z(?![A-Za-z])/;
/** What may follow a paragraph's last time when it stamps the whole paragraph: its zone, quotes, brackets. */
const STAMP_AT_END = /^(?:\.\d{1,9})?Z?(?:\s{0,2}\(?(?:UTC|GMT|[A-Z]{2,5})\)?)?["'\s)>}\]]{0,12}$/;

/**
 * A paragraph whose one time stands at its very end (`… tomorrow morning. {{< track
 * "2018-07-31T16:08:53.000Z" >}}`, "… (posted 14:05 UTC)"): the time stamps the whole update, as a
 * status page posts it, not only its last sentence.
 */
function stampedAtEnd(text: string): boolean {
  const times = [...text.matchAll(CLOCK_IN_TEXT)];
  if (times.length !== 1) return false;
  return STAMP_AT_END.test(text.slice(times[0].index + times[0][0].length));
}

/** A sentence that opens with a subordinate clause: "While …", "Although …", "After …", "When …". */
const SUBORDINATE_LEAD = /^\W{0,3}(?:while|although|though|whereas|after|before|when|once|as|since)\b/i;

/** The zone written after the time at `end`, or after the end of a range that starts there. */
function zoneAfter(sentence: string, end: number): string {
  let rest = sentence.slice(end);
  // `2018-07-31T16:08:53.000Z`: an ISO time's own zone.
  if (ISO_UTC.test(rest)) return 'UTC';
  const range = RANGE_END.exec(rest);
  if (range) rest = rest.slice(range[0].length);
  const zone = ZONE_AFTER.exec(rest)?.[1];
  if (!zone) return '';
  // Only what the stamp reader takes for a zone (not "API" or "DNS" after a time).
  const stamp = readStamp(`12:00 ${zone} - x`);
  return stamp &&
    !isBroken(stamp) &&
    (stamp.zone.abbreviation || stamp.zone.offset != null || stamp.zone.iana)
    ? zone
    : '';
}

/**
 * A sentence that names a time of day as the timeline line it stands for: the time first (with
 * the sentence's day and zone, marked approximate where the sentence says so), then the sentence.
 * Null when it names no time or is too short to tell of an event.
 */
export function timedSentence(sentence: string, month: number | null = null): string | null {
  const clock = FIRST_CLOCK.exec(sentence);
  if (!clock) return null;
  if ((sentence.match(WORDS) ?? []).length < MIN_WORDS) return null;
  const end = clock.index + clock[0].length;
  const read = clockOf(clock);
  const meridiem = read.meridiem ? ` ${read.meridiem}` : '';
  const zone = zoneAfter(sentence, end);
  const { value: day } = daysIn(sentence).next();
  const approximate = APPROXIMATE_BEFORE.test(sentence.slice(Math.max(0, clock.index - 24), clock.index));
  // "at 8 PM UTC on the 16th", "On the 16th at 8 PM": a day of the month the story last named.
  const ordinal = day || month == null ? null : ordinalDayNextTo(sentence, clock.index, end);
  const ofMonth = ordinal != null && month != null ? `${MONTH_WORDS[month - 1]} ${ordinal} ` : '';
  const stamp = [
    approximate ? '~' : '',
    day ? `${sentence.slice(day.start, day.end)} ` : '',
    ofMonth,
    read.text,
    meridiem,
    zone ? ` ${zone}` : '',
  ].join('');
  return `${stamp} - ${sentence}`;
}

const MONTH_WORDS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** "on the 16th" just after a time and its zone, or just before it ("On the 16th at 8 PM"). */
const ORDINAL_AFTER =
  /^\s{0,3}(?:\(?[A-Z]{2,5}\)?\s{0,2})?,?\s{0,2}on\s{1,3}the\s{1,3}(\d{1,2})(?:st|nd|rd|th)\b(?!\s{0,3}(?:of\s{1,3})?[A-Za-z]{3})/i;
const ORDINAL_BEFORE =
  /\bon\s{1,3}the\s{1,3}(\d{1,2})(?:st|nd|rd|th),?\s{1,3}(?:at\s{1,3})?(?:(?:about|around|approximately|roughly)\s{1,3})?$/i;

/** The day of the month a sentence names by its ordinal alone next to a time, or null. */
function ordinalDayNextTo(sentence: string, start: number, end: number): number | null {
  const m =
    ORDINAL_AFTER.exec(sentence.slice(end, end + 40)) ??
    ORDINAL_BEFORE.exec(sentence.slice(Math.max(0, start - 50), start));
  const n = m ? Number(m[1]) : 0;
  return n >= 1 && n <= 31 ? n : null;
}

/**
 * A sentence that names a day and no time of day as the timeline line it stands for, led by that
 * day ("The team was notified on 2022-05-02 of …"): an entry known only to its day. The day must be
 * one a writer dates by (a year, or a month written with a capital); null otherwise.
 */
export function datedSentence(sentence: string): string | null {
  if (FIRST_CLOCK.test(sentence)) return null;
  if ((sentence.match(WORDS) ?? []).length < MIN_WORDS) return null;
  for (const day of daysIn(sentence)) {
    const written = sentence.slice(day.start, day.end);
    if (day.day.year != null || /^[A-Z\d]/.test(written)) return `${written} - ${sentence}`;
  }
  return null;
}

/**
 * The document's lines with each paragraph of prose that names a time of day split into its
 * sentences, one a line, those that name a time led by it (`timedSentence`); headings, tables,
 * code and front matter are kept as they are. A story that names no time of day at all but dates
 * its sentences by their days is told the same way, each sentence led by its day (`datedSentence`).
 * Null when no sentence names a time or a day.
 */
export function proseAsLines(lines: SourceLine[]): SourceLine[] | null {
  const told = tell(lines, timedSentence);
  if (told.timed) return told.lines;
  const dated = tell(lines, datedSentence);
  return dated.timed ? dated.lines : null;
}

const sampleLines = (sample: string) => sample.split('\n').map((text, i) => ({ text, number: i + 1 }));

/** True when a text names a time of day as prose writes one ("at 23:24 UTC", "9pm"). */
export const namesTimeOfDay = (text: string): boolean => FIRST_CLOCK.test(text);

/** True when a sample tells a time of day in a sentence of prose ("On October 9, starting at 21:30 UTC, …"). */
export const tellsTimesInProse = (sample: string): boolean =>
  tell(sampleLines(sample), timedSentence).timed >= 1;

/** True when a sample tells its story by days, in two sentences of prose or more ("were notified on 2022-05-02 …"). */
export const tellsDaysInProse = (sample: string): boolean =>
  tell(sampleLines(sample), datedSentence).timed >= 2;

function tell(
  lines: SourceLine[],
  lead: (sentence: string, month: number | null) => string | null,
): { lines: SourceLine[]; timed: number } {
  const out: SourceLine[] = [];
  let timed = 0;
  // The month the story last named ("Starting on March 15th …"): "the 16th" after it is in it.
  let month: number | null = null;
  const named = (text: string) => {
    for (const d of daysIn(text)) month = d.day.month;
  };
  let paragraph: SourceLine[] = [];
  let fenced = false;
  const frontMatterLast = frontMatterEnd(lines);
  const flush = () => {
    if (!paragraph.length) return;
    // The paragraph's text, and where each source line starts in it.
    let text = '';
    const starts: { at: number; number: number }[] = [];
    for (const l of paragraph) {
      if (text) text += ' ';
      starts.push({ at: text.length, number: l.number });
      text += l.text.trim().replace(BULLET, '');
    }
    // Offsets are asked for in order, so one pointer walks the lines once.
    let k = 0;
    const numberAt = (at: number) => {
      while (k + 1 < starts.length && starts[k + 1].at <= at) k++;
      return starts[k].number;
    };
    const whole = stampedAtEnd(text) ? lead(text, month) : null;
    if (whole) {
      timed++;
      out.push({ text: whole, number: paragraph[0].number });
      named(text);
    } else
      for (const s of sentencesOf(text))
        for (const c of clausesOf(s.text)) {
          const line = lead(c.text, month);
          if (line) timed++;
          out.push({ text: line ?? c.text, number: numberAt(s.at + c.at) });
          named(c.text);
        }
    out.push({ text: '', number: paragraph.at(-1)!.number });
    paragraph = [];
  };
  lines.forEach((l, i) => {
    if (i <= frontMatterLast) {
      out.push(l);
      return;
    }
    if (FENCE.test(l.text)) fenced = !fenced;
    if (fenced || FENCE.test(l.text) || BLOCK.test(l.text) || !l.text.trim()) {
      flush();
      out.push(l);
      return;
    }
    // A list item starts a paragraph of its own, as does a field set by its bold label ("**Duration:**
    // 12:24 to 09:30"), though Markdown joins it to the line before.
    if (BULLET.test(l.text) || boldFieldLabel(l.text) !== null) flush();
    paragraph.push(l);
  });
  flush();
  return { lines: out, timed };
}

/** Minutes into the day of `hour:minute`, read on a 12-hour clock when a meridiem is written. */
function minutesOfDay(hour: number, minute: number, meridiem: string | undefined): number {
  if (!meridiem) return hour * 60 + minute;
  const pm = /p/i.test(meridiem);
  return ((hour % 12) + (pm ? 12 : 0)) * 60 + minute;
}

/** Names that make a stated amount the length of what the sentence tells ("lasted", "down for"), not a figure such as a time to detect. */
const LENGTH_NAME = /^(?:lasted|lasting|lasts|duration|downtime|outage of|a period of|[a-z]+ for)$/;
const WEEK_S = 7 * 86_400;
/** Words before a time that make it a start: "beginning at", "starting around", "at", "from". */
const STARTS_BEFORE =
  /\b(?:at|from|since|beginning|starting|began|started|commencing)\s{1,3}(?:(?:about|around|approximately)\s{1,3})?(?:at\s{1,3})?$/i;

/**
 * How long the state a sentence tells of lasted, when the sentence names one time and its length
 * ("an outage lasting two hours and six minutes, beginning at 00:23 UTC"), in seconds.
 */
function statedLength(sentence: string): number | null {
  const clocks = [...sentence.matchAll(CLOCK_IN_TEXT)];
  if (clocks.length !== 1) return null;
  // The time must be where it began ("starting at 21:30"), not where it ended ("restored by 11:30").
  if (!STARTS_BEFORE.test(sentence.slice(Math.max(0, clocks[0].index - 30), clocks[0].index))) return null;
  const length = statedDurations(inDigits(sentence)).find((d) => d.name && LENGTH_NAME.test(d.name));
  return length && length.seconds > 0 && length.seconds < WEEK_S ? length.seconds : null;
}

/** What may stand between "until" and its time besides a day: "until September 25, 2020, at 03:00". */
const UNTIL_GAP = /\b(?:until|till)[\s,]{1,6}(?:on\s{1,3})?[\s,]{0,4}(?:(?:at|about|around)\s{1,3}){0,2}$/i;
/** A day written after a time: "1:50 PM PDT on October 20", "03:00 UTC, September 25". */
const DAY_AFTER = /^\s{0,2}(?:\(?[A-Z]{2,5}\)?\s{0,2})?(?:,\s{0,2}|\s{1,3}on\s{1,3})(?=\S)/;
/** What may stand between a day and the time after it: "September 25, 2020, at ", "October 19 at ". */
const DAY_BEFORE_GAP = /^[\s,]{0,4}(?:at\s{1,3}|about\s{1,3}|around\s{1,3}){0,2}$/i;

/** The day written next to the time at [start, end) in a sentence: just before it, or just after it ("on October 20"). */
function dayNextTo(sentence: string, start: number, end: number): WrittenDay | null {
  const after = DAY_AFTER.exec(sentence.slice(end, end + 40));
  if (after) {
    const day = readDayAt(sentence, end + after[0].length);
    if (day) return day.day;
  }
  let before: WrittenDay | null = null;
  for (const d of daysIn(sentence.slice(Math.max(0, start - 40), start)))
    if (DAY_BEFORE_GAP.test(sentence.slice(Math.max(0, start - 40) + d.end, start))) before = d.day;
  return before;
}

/**
 * How far past the sentence's first time a later time it says the state lasted until lies, in
 * minutes ("at 14:27 UTC, … lasted until September 25, 2020, at 03:00 UTC"; "from 11:48 PM on
 * October 19 until 1:50 PM on October 20"), the days counted where the sentence names both.
 */
function untilLater(sentence: string, first: RegExpExecArray): number | null {
  const firstEnd = first.index + first[0].length;
  for (const later of sentence.matchAll(CLOCK_IN_TEXT)) {
    if (later.index < firstEnd) continue;
    // The words just before it (a bounded look, so a sentence of many times reads in linear time),
    // its days left out, must end in "until" and the words that lead to a time.
    const gap = sentence.slice(Math.max(firstEnd, later.index - 80), later.index);
    let plain = gap;
    for (const d of [...daysIn(gap)].reverse()) plain = plain.slice(0, d.start) + plain.slice(d.end);
    if (!UNTIL_GAP.test(plain)) continue;
    const from = clockOf(first);
    const to = clockOf(later);
    const minutes =
      minutesOfDay(to.hour, to.minute, to.meridiem ?? from.meridiem) -
      minutesOfDay(from.hour, from.minute, from.meridiem ?? to.meridiem);
    const startDay = dayNextTo(sentence, first.index, firstEnd);
    const endDay = dayNextTo(sentence, later.index, later.index + later[0].length);
    const startIso = startDay && isoDay(startDay, endDay?.year ? isoDay(endDay) : '2000-01-01');
    const endIso = endDay && startIso && isoDay(endDay, startIso);
    const days = startIso && endIso ? (Date.parse(endIso) - Date.parse(startIso)) / 86_400_000 : null;
    const total = days === null ? (minutes + 1440) % 1440 : days * 1440 + minutes;
    return total > 0 ? total : null;
  }
  return null;
}

/**
 * The ends of the windows prose entries state: a sentence naming a range ("from 9:16 PM to 11:16 PM
 * PDT", each range it names), a later time the state lasted until ("at 14:27 UTC … lasted until
 * September 25, 2020, at 03:00 UTC") or its start and length ("an outage lasting two hours,
 * beginning at 00:23") gets an entry at each window's end, and a sentence whose first time is one a
 * state lasted until ("errors persisted until 1:30 AM") is itself an end. All carry `rangeEnd`; what
 * an end means is read from the sentence when the entry is classified.
 */
export function withWindowEnds(events: RawEvent[]): RawEvent[] {
  const out: RawEvent[] = [];
  for (const e of events) {
    const clock = FIRST_CLOCK.exec(e.summary);
    if (!clock) {
      out.push(e);
      continue;
    }
    if (UNTIL_BEFORE.test(e.summary.slice(Math.max(0, clock.index - 20), clock.index))) {
      out.push({ ...e, attrs: { ...e.attrs, rangeEnd: true } });
      continue;
    }
    out.push(e);
    const range = RANGE_END.exec(e.summary.slice(clock.index + clock[0].length));
    if (!range) {
      const sentence = firstSentence(e.summary);
      const minutes = untilLater(sentence, FIRST_CLOCK.exec(sentence) ?? clock);
      const seconds = minutes ? minutes * 60 : statedLength(sentence);
      if (seconds) out.push({ ...e, ts: e.ts + seconds * 1000, attrs: { ...e.attrs, rangeEnd: true } });
      continue;
    }
    const from = clockOf(clock);
    const to = clockOf(range);
    const start = minutesOfDay(from.hour, from.minute, from.meridiem ?? to.meridiem);
    const end = minutesOfDay(to.hour, to.minute, to.meridiem ?? from.meridiem);
    const clockEnd = clock.index + clock[0].length;
    const days = daysApart(
      e.summary,
      clock.index,
      clockEnd,
      e.summary.slice(clockEnd, clockEnd + range[0].length),
    );
    const minutes = days === null ? (end - start + 1440) % 1440 : days * 1440 + end - start;
    if (minutes > 0) out.push({ ...e, ts: e.ts + minutes * 60_000, attrs: { ...e.attrs, rangeEnd: true } });
    // Further windows the sentence states ("from 07:34 to 10:07 UTC and again from 12:40 to
    // 17:37 UTC") end in entries of their own, counted from its first time.
    out.push(...laterRangeEnds(e, clock, clock.index + clock[0].length + range[0].length, minutes));
  }
  return out;
}

/**
 * The days between a range's start (the time at [start, end) in the text) and its end, when the
 * range writes the end's day (`… 21:27 UTC and 2025-07-31 07:27 UTC`) and the start's day is
 * written next to it; null when either is not.
 */
function daysApart(text: string, start: number, end: number, rangeText: string): number | null {
  const endDay = daysIn(rangeText).next().value?.day;
  if (!endDay) return null;
  const startDay = dayNextTo(text, start, end);
  const startIso = startDay && isoDay(startDay, endDay.year ? isoDay(endDay) : '2000-01-01');
  const endIso = startIso && isoDay(endDay, startIso);
  return startIso && endIso ? (Date.parse(endIso) - Date.parse(startIso)) / 86_400_000 : null;
}

/** How far apart two clock times of a day are, forward from `a` to `b`, in minutes. */
const forward = (a: ReturnType<typeof clockOf>, b: ReturnType<typeof clockOf>) =>
  (minutesOfDay(b.hour, b.minute, b.meridiem ?? a.meridiem) -
    minutesOfDay(a.hour, a.minute, a.meridiem ?? b.meridiem) +
    1440) %
  1440;

/** Zones differ from each other by whole quarter hours. */
const ZONE_STEP = 15;
/** How near after the first window a restatement of it is written ("03:26 to 06:19 UTC (05:26–08:19 CEST)"). */
const RESTATED_WITHIN = 8;

/**
 * The ends of the windows a sentence states after its first, each an entry counted from the
 * sentence's first time. A window written right after the first, as long as it and shifted by whole
 * quarter hours ("From 03:26 to 06:19 UTC (05:26–08:19 CEST)"), is the first told in another zone.
 */
function laterRangeEnds(e: RawEvent, first: RegExpExecArray, after: number, length: number): RawEvent[] {
  const sentence = firstSentence(e.summary);
  const out: RawEvent[] = [];
  const base = clockOf(first);
  let from = after;
  for (const c of sentence.matchAll(CLOCK_IN_TEXT)) {
    if (c.index < from) continue;
    const restatedAt = c.index - from <= RESTATED_WITHIN;
    RANGE_END_AT.lastIndex = c.index + c[0].length;
    const range = RANGE_END_AT.exec(sentence);
    if (!range) continue;
    from = RANGE_END_AT.lastIndex;
    const to = clockOf(range);
    const shift = forward(base, clockOf(c));
    if (restatedAt && forward(clockOf(c), to) === length && shift > 0 && shift % ZONE_STEP === 0) continue;
    const minutes = forward(base, to);
    if (minutes) out.push({ ...e, ts: e.ts + minutes * 60_000, attrs: { ...e.attrs, rangeEnd: true } });
  }
  return out;
}
