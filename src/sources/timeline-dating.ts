// Turns the stamps of one timeline into instants: the day, zone, midnight and order rules in one place.
import { DateTime } from 'luxon';
import {
  type Clock,
  isoDay,
  namesLocalTime,
  placesForAbbreviation,
  type Stamp,
  settleZone,
  type ZoneHints,
  type ZoneWords,
  zoneForAbbreviation,
} from '../time/index.js';

export interface DatingOptions {
  /** Zone for times that state none (the document's statement, else the manifest's). */
  zone: string;
  /** The abbreviation the document states for all its times ("All times PST"), if any. */
  statedAbbreviation?: string | null;
  /** Day for times of day before any day line, and the year for days written without one. */
  baseDate: string | null;
  /**
   * The day the document was published (its front matter's date), when known: a day
   * written without a year is no more than two days after it, so "December 28" in a post of 5
   * January is the year before, while "Wed Oct 12" in a status post of October 11 is its next day's update.
   */
  published?: string | null;
  /**
   * The day the document gives for itself (front matter, title, file name), when it gives one: a
   * day written with that month and day in another year is that day with its year mistyped.
   */
  documentDay?: string | null;
  /**
   * Whether a line's own day holds for the lines below it (true), or only for that line (false: the
   * document states one day for all its times, "unless otherwise noted").
   */
  dayCarries?: boolean;
  /**
   * Whether the times are told in any order (a story in prose names the end before a step taken
   * earlier): a time running back is then kept, never read as mistyped nor noted as out of order.
   */
  anyOrder?: boolean;
  hints: ZoneHints;
  /** Records a problem or a note on a line. */
  note(line: number | null, message: string): void;
}

export type Dated = { ms: number } | { problem: string };

/** How the note on an entry listed before an earlier one begins (lint reports the order itself). */
export const LISTED_OUT_OF_ORDER = 'listed after a later entry';

const HALF_DAY_MS = 12 * 3600_000;
/**
 * How far past the day a post is dated its own updates may run ("Wed Oct 12" in a post of October
 * 11); "September 20" in a report published on September 8 is still last year's.
 */
const UPDATES_RUN_ON_MS = 2 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;
/** How far a time may run back below the latest of its day before it reads as mistyped. */
const STRAY_MS = 3600_000;

const clockText = (s: Stamp) =>
  s.clock ? `${String(s.clock.hour).padStart(2, '0')}:${String(s.clock.minute).padStart(2, '0')}` : 'a day';

const withClock = (dt: DateTime, clock: Clock) =>
  dt.set({
    hour: clock.hour,
    minute: clock.minute,
    second: Math.min(clock.second, 59),
    millisecond: clock.ms,
  });

/**
 * The document's own day when `iso` is that day in another year (`2015-08-15` in a report dated
 * 2019-08-15, a template's year left in), else null.
 */
export function yearSlip(iso: string, documentDay: string | null): string | null {
  if (!documentDay || iso === documentDay) return null;
  return iso.slice(4) === documentDay.slice(4) ? documentDay : null;
}

/**
 * Dates the entries of one document in order. A day line sets the day for the lines below; a
 * time of day that runs more than 12 hours backwards crossed midnight; any other step backwards
 * is kept as written, with a note.
 */
export function timelineDating({
  zone,
  statedAbbreviation,
  baseDate,
  published = null,
  documentDay = null,
  dayCarries = true,
  anyOrder = false,
  hints,
  note,
}: DatingOptions) {
  let day: string | null = baseDate;
  let dayStated = false; // a day line since the last entry: no midnight roll-over across it
  let last: { ms: number; line: number } | null = null;
  let first: number | null = null; // the first time dated, where a story told in any order begins
  // The latest entry of the day's run so far, and the times written after it that run back more than
  // an hour below it with no day of their own: kept while a later time returns to the latest, else
  // (the run ends below it, as in 13:06, 05:00 then a new day) mistyped, so undated.
  let high: { ms: number; line: number; text: string } | null = null;
  let pending: { ms: number; line: number; text: string; note: string }[] = [];
  // The day's run of timed entries so far, to tell which side of a step back was mistyped.
  let run: { ms: number; line: number; text: string }[] = [];
  const stray = new Map<number, string>();
  const reported = new Set<string>();
  // The entries dated by the base day alone, before any day was written: the evening before, when
  // the first day written comes after the times pass midnight (23:50, then `00:20 (08-04)`).
  let undatedRun: { line: number; ms: number; zone: string }[] = [];
  let daySeen = false;
  const movedBack = new Map<number, number>();

  /**
   * The run of the day ends: times still below its latest are mistyped, unless they outnumber the
   * times written before them above them all (14:53, 21:00, 21:07, 15:24, 15:54, 16:00): then those
   * few are the mistyped ones and the rest keep their order.
   */
  const settle = () => {
    const firstBelow = pending[0]?.line ?? Number.POSITIVE_INFINITY;
    const topBelow = pending.reduce((top, p) => Math.max(top, p.ms), Number.NEGATIVE_INFINITY);
    const above = run.filter((r) => r.line < firstBelow && r.ms > topBelow);
    const fewerAbove = pending.length > 0 && above.length < pending.length;
    if (fewerAbove)
      for (const a of above)
        stray.set(
          a.line,
          `'${a.text}' runs more than an hour above the ${pending.length} times written after it, which keep their order: a mistyped time, left undated`,
        );
    else
      for (const p of pending)
        stray.set(
          p.line,
          `'${p.text}' runs back more than an hour below ${high?.text} (line ${high?.line}) with no new day and the times after it never return: a mistyped time, left undated`,
        );
    pending = [];
    run = [];
    high = null;
  };
  /** A later time returns to the day's latest: the times below it were written out of order, not mistyped. */
  const keep = () => {
    for (const p of pending) note(p.line, p.note);
    pending = [];
  };

  /** A written day as YYYY-MM-DD, the year nearest the day so far, never after publication. */
  const isoOf = (written: NonNullable<Stamp['day']>, line: number): string | null => {
    const iso = isoDay(written, day ?? baseDate);
    const slip = iso && written.year !== null ? yearSlip(iso, documentDay) : null;
    if (slip) {
      note(line, `the day ${iso} is the document's own day ${slip} in another year; read as ${slip}`);
      return slip;
    }
    // A post's updates may run on into the next day or two; a day further on is last year's.
    if (
      !iso ||
      written.year !== null ||
      !published ||
      Date.parse(iso) - Date.parse(published) <= UPDATES_RUN_ON_MS
    )
      return iso;
    return isoDay({ ...written, year: Number(iso.slice(0, 4)) - 1 });
  };

  const zoneFor = (words: ZoneWords, onDay: string, line: number): string => {
    if (words.iana === undefined && words.offset === undefined && words.abbreviation === undefined)
      return zone;
    // A line repeating the zone the document states for all its times means the same local time.
    if (words.abbreviation && words.offset === undefined && words.abbreviation === statedAbbreviation)
      return zone;
    // A zone written on the line itself is taken as written (PST is UTC-8), unless it is ambiguous
    // or names a region's local time (ET, "Eastern"), whose offset follows daylight saving.
    if (
      words.abbreviation &&
      words.offset === undefined &&
      !namesLocalTime(words.abbreviation) &&
      placesForAbbreviation(words.abbreviation).length < 2
    )
      return zoneForAbbreviation(words.abbreviation) ?? zone;
    const settled = settleZone(words, onDay, hints);
    if (settled.zone === null) {
      if (!reported.has(settled.problem)) note(line, `${settled.problem}; read as ${zone}`);
      reported.add(settled.problem);
      return zone;
    }
    if (settled.note && !reported.has(settled.note)) note(line, settled.note);
    if (settled.note) reported.add(settled.note);
    return settled.zone;
  };

  /**
   * `13:14 EDT (17:14 UTC)`: the same moment written twice. When they disagree, the one written
   * in UTC or as an offset wins (it needs no zone rules), else the first; a note says so.
   */
  const restatedMs = (stamp: Stamp, first: DateTime, onDay: string, line: number): number => {
    const again = stamp.restated!;
    const z = zoneFor(again.zone, onDay, line);
    // Its own day is the one (of three around it) that puts it nearest the first reading.
    const candidates = [-1, 0, 1].map((d) =>
      withClock(DateTime.fromISO(onDay, { zone: z }).plus({ days: d }), again.clock),
    );
    const second = candidates.reduce((a, b) =>
      Math.abs(b.toMillis() - first.toMillis()) < Math.abs(a.toMillis() - first.toMillis()) ? b : a,
    );
    if (!second.isValid || Math.abs(second.toMillis() - first.toMillis()) < 60_000) return first.toMillis();
    const fixed = (w: ZoneWords) =>
      w.offset !== undefined || ['UTC', 'GMT', 'Z'].includes(w.abbreviation?.toUpperCase() ?? '');
    const secondWins = fixed(again.zone);
    const written = (c: Clock, w: ZoneWords) =>
      `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}${w.abbreviation ? ` ${w.abbreviation}` : ''}`;
    const [kept, dropped] = secondWins
      ? [written(again.clock, again.zone), written(stamp.clock!, stamp.zone)]
      : [written(stamp.clock!, stamp.zone), written(again.clock, again.zone)];
    note(line, `'${dropped}' and '${kept}' name different moments; read as ${kept}`);
    return (secondWins ? second : first).toMillis();
  };

  /**
   * The first day written (`00:20 (08-04)`) is the base day, yet the times before it, dated by
   * that day alone, run past it: they were written before midnight, on the day before. Moved there
   * when that puts every one of them before it.
   */
  const backOneDay = (ms: number, line: number) => {
    const back = undatedRun.map((e) => ({
      ...e,
      to: DateTime.fromMillis(e.ms, { zone: e.zone }).minus({ days: 1 }).toMillis(),
    }));
    if (!back.length || back.some((e) => e.to >= ms)) return;
    const to = new Map(back.map((e) => [e.ms, e.to]));
    const shift = (at: number) => to.get(at) ?? at;
    for (const e of back) movedBack.set(e.line, e.to);
    if (last) last = { ...last, ms: shift(last.ms) };
    if (first !== null) first = shift(first);
    if (high) high = { ...high, ms: shift(high.ms) };
    run = run.map((r) => ({ ...r, ms: shift(r.ms) }));
    pending = pending.map((p) => ({ ...p, ms: shift(p.ms) }));
    undatedRun = [];
    note(
      line,
      `the day written here follows the times passing midnight: the ${back.length} times before it are on the day before`,
    );
  };

  return {
    /** A day heading or date line: the day for the lines below it. */
    setDay(written: Stamp['day'], line: number) {
      const iso = written ? isoOf(written, line) : null;
      if (!iso) return false;
      settle();
      day = iso;
      dayStated = true;
      daySeen = true;
      return true;
    },
    /** The entries placed on the day before the base day once a later line wrote that day, by line. */
    movedBack(): Map<number, number> {
      return movedBack;
    },
    /** A new list or table under a new heading: times there start a new run. */
    newRun() {
      settle();
      dayStated = true;
      last = null;
    },
    /** The lines whose times were mistyped, each with why, once the document has been read. */
    stray(): Map<number, string> {
      settle();
      return stray;
    },
    date(stamp: Stamp, line: number): Dated {
      // A day with no time of day is an entry at the day's start, marked approximate by the caller.
      const clock = stamp.clock ?? { hour: 0, minute: 0, second: 0, ms: 0 };
      // "10:14 a.m. (next day)": the day after the entries before it begins here.
      if (stamp.nextDay && !stamp.day && day) {
        settle();
        day = DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
        dayStated = true;
      }
      let onDay = day;
      if (stamp.day) {
        onDay = isoOf(stamp.day, line);
        if (!onDay)
          return {
            problem: `'${clockText(stamp)}' on a day written without a year, and the document gives none`,
          };
      }
      if (!onDay)
        return {
          problem: `time of day '${clockText(stamp)}' has no date: state the date or set 'date' in incident.yaml`,
        };
      const z = zoneFor(stamp.zone, onDay, line);
      const at = (d: string) => withClock(DateTime.fromISO(d, { zone: z }), clock);
      let dt = at(onDay);
      if (!dt.isValid) return { problem: `not a valid time: '${clockText(stamp)}' on ${onDay}` };
      if (!stamp.day && !dayStated && last && dt.toMillis() < last.ms - HALF_DAY_MS) {
        const next = DateTime.fromISO(onDay, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
        // A story told in any order may go back to its start: the next day only where that lies
        // nearer the story's first time than the same day does.
        const nearer =
          !anyOrder ||
          first === null ||
          Math.abs(at(next).toMillis() - first) < Math.abs(dt.toMillis() - first);
        if (nearer) {
          dt = at(next);
          day = next;
        }
      }
      const ms = stamp.restated ? restatedMs(stamp, dt, onDay, line) : dt.toMillis();
      if (stamp.day && stamp.clock && !daySeen && onDay === day && last && ms < last.ms - HALF_DAY_MS)
        backOneDay(ms, line);
      if (stamp.day) daySeen = true;
      else if (!daySeen) undatedRun.push({ line, ms, zone: z });
      // A line with its own day on another day starts that day's run.
      if (stamp.day && onDay !== day) settle();
      const order = `${LISTED_OUT_OF_ORDER} (line ${last?.line}); kept as written, placed by its time in the timeline`;
      if (stamp.clock && !stamp.day && !anyOrder && high && ms < high.ms - STRAY_MS)
        pending.push({ ms, line, text: clockText(stamp), note: order });
      // A day alone is placed at the day's start: not out of order after a time of that same day.
      else if (!anyOrder && last && ms < last.ms && (stamp.clock || last.ms - ms >= DAY_MS))
        note(line, order);
      if (stamp.clock && !stamp.day) run.push({ ms, line, text: clockText(stamp) });
      if (!high || ms >= high.ms) {
        keep();
        high = { ms, line, text: clockText(stamp) };
      }
      // An entry known only to a day before the one the document's title or file name gives,
      // written among that day's times ("2026-08-04 | rotation performed" above "~16:00z | disk
      // full" in "INCIDENT-2026-08-05"), tells of what came before: the times below it stay on
      // the document's day. A post's front matter gives the day it was published, not the incident's.
      const before = !stamp.clock && !published && documentDay !== null && day === documentDay && onDay < day;
      if (stamp.day && dayCarries && !before) day = onDay;
      last = { ms, line };
      first ??= ms;
      dayStated = false;
      return { ms };
    },
  };
}
