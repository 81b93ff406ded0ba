// Reads human timelines as people write them; at the head because one pass handles several shapes
// (tables, bullets, time headings with paragraphs, plain lines) that share the day and the zone.
import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Signal, Source, Statement } from '../model/index.js';
import { decodeEntities } from '../text/entities.js';
import { isHtmlLine, renderHtmlLine } from '../text/html-line.js';
import { htmlPageLines, isHtmlPage } from '../text/html-page.js';
import { atxFromSetext, markdownHeading } from '../text/markdown-heading.js';
import { shorten } from '../text/shorten.js';
import {
  daysIn,
  hasZoneWords,
  isBroken,
  namesLocalTime,
  offsetZone,
  placesForAbbreviation,
  readDayAt,
  readStamp,
  type Stamp,
  type StampOptions,
  sameZoneWords,
  settleZone,
  statedMonth,
  type ZoneHints,
  type ZoneWords,
  zoneForAbbreviation,
  zoneWordsIn,
} from '../time/index.js';
import { stampsClosingParagraphs } from './closing-stamps.js';
import { inDocumentDayOrder } from './day-order.js';
import { documentParts, documentStatements } from './document-statements/index.js';
import { readKind } from './fields.js';
import { LIMITS } from './limits.js';
import {
  type ColumnRole,
  columnRolesByContent,
  dayColumnAsTime,
  isTableRow,
  isTableSeparator,
  tableCells,
} from './markdown-table.js';
import { type MilestoneMeaning, milestoneField } from './milestone-fields.js';
import { postedOpening } from './posted-opening.js';
import {
  namesTimeOfDay,
  proseAsLines,
  tellsDaysInProse,
  tellsTimesInProse,
  withWindowEnds,
} from './prose-timeline.js';
import { linesOf } from './read-text.js';
import { timelineDating } from './timeline-dating.js';
import {
  documentBaseDate,
  frontMatterEnd,
  type SourceLine,
  saysApproximate,
  type ZoneStatement,
  zoneStatement,
} from './timeline-setting.js';

const BOLD_HEADING = /^\s{0,3}(?:\*\*|__)([^*_]{1,200}?)(?:\*\*|__)\s{0,3}:?\s{0,3}$/;
const BULLET = /^(\s{0,24})(?:[-*+]|\d{1,3}[.)])\s{1,8}(.*)$/;
/** Why an item beside timed ones was skipped: it carries no time of day (lint reads this reason). */
export const UNTIMED_ITEM = 'timeline item has no time of day';
const untimedItem = (text: string) => `${UNTIMED_ITEM}: '${shorten(stripEmphasis(text), 60)}'`;
/** An item the writer sets apart as a remark: a bold label ("**Note:** …"), or "Note:" / "NB:". */
const REMARK = /^\s{0,3}(?:\*\*|__|(?:note|nb|n\.b\.)\s{0,2}:)/i;
const TIMELINE_TITLE = /timeline|chronology|sequence of events|what happened|incident log|event log/i;
const LOG_LINE =
  /\d{2}:\d{2}:\d{2}[\d.,]{0,10}[\s:\]|,-]{1,5}.{0,40}?\b(INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|NOTICE|CRIT|SEVERE)\b/;

/** "Nov  3 09:23:38 host automount[7998]: …": a syslog line, not a timeline entry. */
const SYSLOG_LINE =
  /^[A-Z][a-z]{2}\s{1,2}\d{1,2}\s\d{2}:\d{2}:\d{2}\s[\w.-]{1,64}\s[\w./-]{1,64}(?:\[\d{1,10}\])?:/;

/** A backslash before ASCII punctuation, which Markdown renders as the punctuation alone (`\<`, `\*`, `\_`). */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
/** Markdown's backslash escapes undone outside code spans, where a backslash is itself. */
const unescapeMarkdown = (s: string) =>
  s.includes('\\')
    ? s
        .split(/(`[^`]*`)/)
        .map((part, i) => (i % 2 ? part : part.replace(ESCAPED, '$1')))
        .join('')
    : s;

/** A line's text as Markdown renders it: emphasis and code marks removed, `&lt;` and `\<` read as `<`. */
const stripEmphasis = (s: string) =>
  unescapeMarkdown(decodeEntities(s))
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^[*_]{1,2}\s*/, '')
    .trim();

/**
 * A table cell's text as it renders: the lines its `<br>` breaks make ("RUST-MAIN<br>**Recovery**:
 * tree was re-opened."), joined by a dash, each as Markdown renders it.
 */
const cellText = (cell: string) => cell.split(HTML_BREAK).map(stripEmphasis).filter(Boolean).join(' — ');

/** A paragraph's text with its next wrapped line joined by a space, emphasis that spans the break removed. */
const joinWrapped = (text: string, next: string) => {
  // Only the new line is cleaned, so a paragraph of any length costs its length once.
  let piece = stripEmphasis(next.trim());
  // The closing half of a bold that opened on an earlier line, before the time (a lone `**` at the end).
  if (/^[^*]*\*\*$|^[^_]*__$/.test(piece)) piece = piece.slice(0, -2).trimEnd();
  if (!text) return piece;
  return piece ? `${text} ${piece}` : text;
};

/** A link whose text opens the line (`[1758](https://…slack…): Jake acknowledged …`): its text, as it renders. */
const LINK_LEAD = /^\[([^\]\n]{1,60})\]\([^()\s]{1,500}\)/;

/**
 * A line whose stamp is four digits without a colon, then a separator (`1738: …`, `~1940: …`): the
 * hour and minutes only, never a year's shape alone.
 */
const FOUR_DIGIT_LEAD = /^~?\s{0,2}([01]\d|2[0-3])([0-5]\d)\s{0,2}[:|–—-]\s/;
/** Lines written that way that make a document's way of writing its times. */
const FOUR_DIGIT_LINES = 3;

/**
 * The document writes its times as `1738: …`: three lines or more open so, and one of them could
 * not be a year of ours (`1738`, `0930`), so a list of years (`2019: …`, `2020: …`) is not read so.
 */
function writesFourDigitTimes(lines: SourceLine[]): boolean {
  const values = lines
    .map((l) => FOUR_DIGIT_LEAD.exec(unwrapLead(blockBody(l.text))))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1] + m[2]));
  return values.length >= FOUR_DIGIT_LINES && values.some((v) => v < 1900 || v > 2099);
}

/** A stamp set apart by brackets or code marks: `[12-05 16:21] x`, `\`07:35\` x`. */
const DELIMITED_LEAD = /^(?:\[([^\]]{1,60})\]|\\\[([^\]]{1,60})\\\]|`([^`]{1,60})`)\s*/;

const EMPHASIS_LEAD = /^\s*(\*\*|__|\*|_)(.+?)\1\s*/;
const unwrapEmphasis = (text: string) => text.replace(EMPHASIS_LEAD, (_, _m, inner) => `${inner} `);

/**
 * A line's text with a leading bold, bracketed or code stamp unwrapped: `**12:04:** x` → `12:04: x`;
 * an italic line whose stamp is bold inside it (`_**13:16:59**: x_`) is unwrapped twice.
 */
const unwrapLead = (text: string) =>
  unwrapEmphasis(unwrapEmphasis(text))
    .replace(LINK_LEAD, '$1')
    .replace(DELIMITED_LEAD, (_, a, b, c) => `${a ?? b ?? c} `)
    // An emphasis that opens before the time and closes on a later line (a bold across a line break).
    .replace(/^(?:\*\*|__|[-_*])(?=\d)/, '')
    .trim();

/** The timestamp a line starts with and the text after it (null for an untimed line). */
function stampOf(text: string, options: StampOptions = {}) {
  const unwrapped = unwrapLead(text);
  const stamp = readStamp(unwrapped, options);
  if (!stamp || isBroken(stamp)) return stamp;
  // Brackets or code marks around the stamp alone set it apart from the text, as a separator does.
  const delimited = DELIMITED_LEAD.exec(text.trimStart());
  const inner = delimited ? readStamp(delimited[1] ?? delimited[2] ?? delimited[3]) : null;
  const whole = inner !== null && !isBroken(inner) && inner.rest === '';
  return { ...stamp, separated: stamp.separated || whole, rest: stripEmphasis(stamp.rest) };
}

/** `Date: 2023-11-22`, `Incident day: June 13`: a label naming a day. */
/** A weekday after a day heading's date (`### 2025-07-26 Saturday`): no title of its own. */
const WEEKDAY_ONLY = /^\(?\s{0,2}(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?\s{0,2}\)?$/i;

/** `On September 5th, `, `Later on 5 Sept 2025 `: a paragraph opening with the day it tells of. */
const PROSE_DAY_LEAD = /^(?:(?:later|earlier|early|late|then)\s{1,3})?(?:on|by)\s{1,3}/i;
const PROSE_DAY_END = /^,?\s{1,3}/;

/** The day a paragraph opens with, as a stamp known only to the day, the rest of the sentence its text. */
function proseDay(text: string): Stamp | null {
  const plain = stripEmphasis(text);
  const lead = PROSE_DAY_LEAD.exec(plain);
  const day = lead ? readDayAt(plain, lead[0].length) : null;
  const end = day ? PROSE_DAY_END.exec(plain.slice(day.end)) : null;
  if (!day || !end) return null;
  const rest = plain.slice(day.end + end[0].length).trim();
  return rest ? { day: day.day, clock: null, zone: {}, approximate: false, separated: true, rest } : null;
}

/** `… delaying response until September 10th when …`: a day told inside a sentence of prose. */
const PROSE_DAY_WITHIN = /\b(?:on|until|by|since)\s{1,3}/gi;

/** The first day a line of prose tells of after `on`, `until`, `by` or `since`, as a stamp known only to the day. */
function proseDayWithin(text: string): Stamp | null {
  const plain = stripEmphasis(text);
  for (const m of plain.matchAll(PROSE_DAY_WITHIN)) {
    const day = readDayAt(plain, m.index + m[0].length);
    if (day) return { day: day.day, clock: null, zone: {}, approximate: false, separated: true, rest: plain };
  }
  return null;
}

const sameDay = (a: Stamp['day'], b: Stamp['day']) =>
  a !== null &&
  b !== null &&
  a.month === b.month &&
  a.day === b.day &&
  (a.year === null || b.year === null || a.year === b.year);

/**
 * True when what follows a date is no text of its own: punctuation, a weekday, or the zone its
 * times are in (`2019-09-23 **(all times in UTC-5)**`), which the document's zone already reads.
 */
const onlyDay = (rest: string) => {
  const words = rest.replace(/[:.\-–—_*]/g, '').trim();
  return !words || WEEKDAY_ONLY.test(words) || statesZoneOnly(rest);
};

/** A short note, in brackets or opening with "times", that only states the zone: `(all times in UTC-5)`. */
const ZONE_NOTE = /^\([^()]{1,40}\)$|^(?:all\s{1,3})?times?\b[^()]{0,40}$/i;
const statesZoneOnly = (rest: string) =>
  ZONE_NOTE.test(rest) && zoneStatement({ text: rest, number: 0 }) !== null;

const DAY_LABEL = /^(?:[A-Za-z]{1,16}\s{1,2})?(?:date|day)\s{0,2}:\s{0,3}/i;

/** The day a labelled date line gives (`**Date: 2023-11-22**`), when the line is only that. */
function labelledDay(text: string): Stamp['day'] {
  const label = DAY_LABEL.exec(unwrapLead(text));
  if (!label) return null;
  const stamp = stampOf(unwrapLead(text).slice(label[0].length));
  if (!stamp || isBroken(stamp) || stamp.clock) return null;
  return onlyDay(stamp.rest) ? stamp.day : null;
}

function looksLikeLog(sample: string): boolean {
  const lines = sample
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 50);
  // A stamp with seconds glued to a level ("10:22:40,672:DEBUG:", "14:04:05 ERROR") is a log line.
  const logLike = lines.filter((l) => LOG_LINE.test(l) || SYSLOG_LINE.test(l));
  return lines.length > 0 && logLike.length / lines.length > 0.5;
}

/** The text a line carries once its Markdown block marker (heading, bullet) is set aside. */
function blockBody(line: string): string {
  const heading = markdownHeading(line);
  if (heading) return heading.title;
  const bullet = line.match(BULLET);
  return bullet ? bullet[2] : line;
}

/** Files a story in prose may be written in (a log or a data file is never read as prose). */
const PROSE_FILE = /\.(?:md|markdown|txt|text)(?:\.gz)?$/i;

/** A milestone field whose value reads as a time (`- **First detected**: 2022-01-22 11:57`). */
function isMilestone(line: string): boolean {
  const field = milestoneField(line);
  const stamp = field ? stampOf(field.value) : null;
  return Boolean(stamp && !isBroken(stamp) && stamp.clock);
}

function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const sample = input.sample;
  const head = sample.trimStart()[0];
  if (head === '{' || head === '[' || looksLikeLog(sample)) return false;
  // A saved page whose head (its styles and scripts) fills the sample: the body beyond it is read whole.
  if (isHtmlPage(sample) && !/<body[\s>]/i.test(sample)) return true;
  let hits = 0;
  // Lines as they render: a line written in HTML is the paragraphs it shows.
  const shownLines = rendered(sample.split('\n').map((text, i) => ({ text, number: i + 1 })));
  const lines = shownLines.map((l) => l.text);
  const shown = lines.join('\n');
  const fourDigit = writesFourDigitTimes(shownLines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isTableRow(line) && isTableSeparator(lines[i + 1] ?? '')) {
      const rows: string[][] = [];
      for (let j = i + 2; j < lines.length && isTableRow(lines[j]) && rows.length < 20; j++)
        rows.push(tableCells(lines[j]));
      if (columnRolesByContent(tableCells(line), rows).includes('time')) return true;
    }
    const body = blockBody(line);
    const stamp = stampOf(body, { fourDigit });
    if (stamp && !isBroken(stamp) && (stamp.clock || (stamp.separated && stamp.rest))) hits++;
    else if (isMilestone(line)) hits++;
    if (hits >= 2) return true;
  }
  // A document with a Timeline section is read even when no entry in it can be dated: it may state figures.
  return (
    (hits >= 1 && /timeline/i.test(sample)) ||
    lines.some((l) => TIMELINE_TITLE.test(markdownHeading(l)?.title ?? '')) ||
    (PROSE_FILE.test(input.name) && (tellsTimesInProse(shown) || tellsDaysInProse(shown)))
  );
}

/** A day heading or day line whose untimed list items are each an entry at the day's start. */
type DayList = { stamp: Stamp; indent: number; level: number | null };

const dayStartNote = (slot: string) =>
  `no time of day ('${slot}'): placed at the start of its day and marked approximate`;

interface TableState {
  roles: ColumnRole[];
  header: string[];
  group: string;
}

/** Where the reader is in the document. */
interface Scope {
  inTimeline: boolean;
  level: number;
  /** The section says its times are approximate. */
  approximate: boolean;
  /** The year and month the section's heading states for its lines (`all 2026-09`). */
  month: { year: number; month: number } | null;
}

interface Reading {
  events: RawEvent[];
  /** In the document's order: lines that could not be read, and doubts (`read`) about lines that were. */
  problems: { line: number | null; message: string; read: boolean }[];
  /** The items of a timeline section's lists that carry no time, whether or not reported. */
  untimed?: { line: number; text: string }[];
}

/** Where a reading puts a line it could not read and a doubt about one it did. */
interface Report {
  skip(line: number | null, message: string): void;
  note(line: number | null, message: string): void;
}

/** The zone the document states for its times (its timeline's statement first), settled for its day. */
function documentZone(
  lines: SourceLine[],
  timelineLines: Set<number>,
  day: string | null,
  fallback: string,
  hints: ZoneHints,
  note: (line: number | null, message: string) => void,
): { zone: string; abbreviation: string | null } {
  const statements = lines.map(zoneStatement).filter((s): s is ZoneStatement => s !== null);
  const statement = statements.find((s) => timelineLines.has(s.line)) ?? statements[0];
  // The manifest's zone holds for lines that name none; without it, the zone the lines name.
  const named = statement || hints.manifestZone ? null : linesZone(lines, timelineLines, day, hints);
  if (!statement) return named ?? { zone: fallback, abbreviation: null };
  const abbreviation = statement.words.abbreviation ?? null;
  const settled = settleZone(statement.words, day, hints);
  if (settled.zone === null) {
    note(statement.line, `${settled.problem}; read as ${fallback}`);
    return { zone: fallback, abbreviation: null };
  }
  if (settled.note) note(statement.line, settled.note);
  // "All times in PDT (UTC-7)": the offset holds as written for every day, December's too.
  const offset = statement.words.offset;
  if (offset !== undefined && !statement.words.iana) return { zone: offsetZone(offset), abbreviation };
  return { zone: settled.zone, abbreviation };
}

/**
 * With no statement, the zone the timed lines name when all that name one name the same
 * ("2024-06-28 7:09 AM Eastern: …"): the lines that name none, a day alone, are in it too.
 */
function linesZone(
  lines: SourceLine[],
  timelineLines: Set<number>,
  day: string | null,
  hints: ZoneHints,
): { zone: string; abbreviation: string | null } | null {
  let named: ZoneWords | null = null;
  for (const l of lines) {
    if (timelineLines.size && !timelineLines.has(l.number)) continue;
    const stamp = stampOf(blockBody(l.text));
    if (!stamp || isBroken(stamp) || !stamp.clock || !hasZoneWords(stamp.zone)) continue;
    if (named && !sameZoneWords(named, stamp.zone)) return null;
    named = stamp.zone;
  }
  if (!named) return null;
  const abbreviation = named.abbreviation ?? null;
  // As the dating reads it on a line: an abbreviation as written, unless it names local time or several places.
  if (abbreviation && named.offset === undefined && !namesLocalTime(abbreviation)) {
    const literal = placesForAbbreviation(abbreviation).length < 2 ? zoneForAbbreviation(abbreviation) : null;
    if (literal) return { zone: literal, abbreviation };
  }
  const settled = settleZone(named, day, hints);
  return settled.zone === null ? null : { zone: settled.zone, abbreviation };
}

/** The zones a document names anywhere, to settle an abbreviation that names several. */
function namedZones(lines: SourceLine[], manifestZone: string | null): string[] {
  const zones = new Set<string>();
  if (manifestZone) zones.add(manifestZone);
  for (const l of lines) {
    const words = zoneWordsIn(l.text);
    if (words.iana) zones.add(words.iana);
    // Only an abbreviation that names one place says where the document is; an ambiguous one is what is settled.
    const places = words.abbreviation ? placesForAbbreviation(words.abbreviation) : [];
    if (places.length === 1) zones.add(places[0]);
  }
  return [...zones];
}

/** Line numbers inside sections whose titles name a timeline (heading or bold pseudo-heading). */
function timelineSectionLines(lines: SourceLine[]): Set<number> {
  const inside = new Set<number>();
  let level = 0;
  for (const l of lines) {
    const heading = markdownHeading(l.text);
    const bold = heading ? null : l.text.match(BOLD_HEADING);
    if (heading || bold) {
      const title = heading ? heading.title : bold![1];
      const lvl = heading ? heading.level : 7;
      if (TIMELINE_TITLE.test(title) && !stampOf(title)) level = lvl;
      else if (level && lvl <= level && !isTimedTitle(title)) level = 0;
    }
    if (level) inside.add(l.number);
  }
  return inside;
}

const isTimedTitle = (title: string) => {
  const s = stampOf(title);
  return s !== null && !isBroken(s);
};

function readLines(
  name: string,
  lines: SourceLine[],
  ctx: ReadContext,
  restrictTo: Set<number> | null,
  {
    prose = false,
    told = false,
    zoneFrom,
  }: {
    /** A timeline section told in prose, each paragraph opening with its day. */
    prose?: boolean;
    /** A story told in sentences, each naming its time (`proseAsLines`). */
    told?: boolean;
    /** Where the zone is stated, when not in `lines`: the whole document, its timeline sections. */
    zoneFrom?: { lines: SourceLine[]; timeline: Set<number> };
  } = {},
): Reading {
  const problems: Reading['problems'] = [];
  const skip = (line: number | null, message: string) => void problems.push({ line, message, read: false });
  const fourDigit = writesFourDigitTimes(lines);
  const note = (line: number | null, message: string) => void problems.push({ line, message, read: true });
  const manifestDate = ctx.manifest.date ? String(ctx.manifest.date).slice(0, 10) : null;
  const own = documentBaseDate(name, lines);
  // Only a date the document states for itself contradicts the manifest, not the first date in its text.
  if (manifestDate && own && own.from !== 'text' && own.date !== manifestDate)
    note(
      own.line,
      `the document's date ${own.date} (${own.from}) differs from the manifest's ${manifestDate}; times of day are placed on ${manifestDate}`,
    );
  const baseDate = ctx.time.date ?? manifestDate ?? own?.date ?? null;
  const hints: ZoneHints = {
    manifestZone: ctx.manifest.timezone ?? null,
    documentZones: namedZones(lines, ctx.manifest.timezone ?? null),
  };
  const stated = documentZone(
    zoneFrom?.lines ?? lines,
    zoneFrom?.timeline ?? restrictTo ?? new Set(),
    baseDate,
    ctx.time.zone,
    hints,
    note,
  );
  const dating = timelineDating({
    zone: stated.zone,
    statedAbbreviation: stated.abbreviation,
    baseDate,
    published: own?.from === 'front matter' ? own.date : null,
    documentDay: own && own.from !== 'text' && own.from !== 'statement' ? own.date : null,
    // "Unless otherwise noted all events happened on …": a line's own day is that line's exception.
    dayCarries: own?.from !== 'statement',
    // A story told in sentences names its times in the order it tells them, not as they happened.
    anyOrder: told,
    hints,
    note,
  });
  const events: RawEvent[] = [];
  const scope: Scope = { inTimeline: false, level: 0, approximate: false, month: null };
  let table: TableState | null = null;
  let groupCount = 0;
  let group = `${name}#list0`;
  let open: RawEvent | null = null; // the entry that paragraphs and sub-bullets attach to
  // What may attach to the open entry: a heading takes the paragraphs below it; a plain line its
  // bullets and the rest of its paragraph; a bullet only the bullets nested under it.
  const shape = { of: 'bullet' as 'heading' | 'line' | 'bullet', indent: -1 };
  let lastTextLine = -1; // the last line whose text went into the open entry
  // A day heading or day line in a timeline section: an entry at the day's start only when text
  // is written under it, else it only sets the day for the timed lines below.
  let provisional = false;
  let attached = false;
  // The day that untimed list items below a day heading or day line are each an entry of, at the
  // day's start, and the indent of those items once the first is seen.
  let dayList: DayList | null = null;
  let previousBlank = true;
  // In a timeline told in prose, the day the last entry told of.
  let proseDayTold: Stamp['day'] = null;
  // Items of a timeline section's list that carry no time, and the indents its timed items stand at:
  // an untimed item beside timed ones ("- T+25m rollback finished") is an entry that cannot be dated.
  const untimed: { line: number; indent: number; list: number; text: string }[] = [];
  const timedIndents = new Map<number, Set<number>>();
  // Which list a bullet belongs to: a heading, a table or a paragraph outside any entry ends one.
  let listRun = 0;
  // Paragraphs of a timeline section that carry no time, and the lines of its timed paragraphs, by
  // the stretch between headings they stand in: an untimed paragraph between timed ones ("09:01 …",
  // "Peter tries to log in into prod, he can't", "09:02 …") is an entry that cannot be dated.
  const untimedParagraphs: { line: number; stretch: number; text: string }[] = [];
  const timedParagraphs = new Map<number, { first: number; last: number }>();
  let stretch = 0;

  // Text went into the open entry at `line`. Text written under a day itself makes a list below
  // it that text's, not the day's entries.
  const attachedAt = (line: number) => {
    lastTextLine = line;
    attached = true;
    if (provisional) dayList = null;
  };

  const close = () => {
    if (open && !open.summary && open.details?.length) open.summary = open.details.shift()!;
    if (open?.summary && (!provisional || attached)) events.push(open);
    else if (open && !provisional) skip(open.source.line, 'a time with no event text');
    open = null;
  };
  const begin = (
    stamp: Stamp,
    line: number,
    summary: string,
    kind: 'heading' | 'line' | 'bullet',
    indent: number,
    dayOnly = false,
  ) => {
    const dated = dating.date(stamp, line);
    if ('problem' in dated) {
      close();
      skip(line, dated.problem);
      return;
    }
    close();
    // A timed item of a day's list leaves the list the day's: its untimed items after it are the day's too.
    const inList =
      dayList && kind === 'bullet' && indent > dayList.indent && indent <= (dayList.level ?? indent);
    if (dayOnly) dayList = { stamp, indent: kind === 'bullet' ? indent : -1, level: null };
    else if (inList && dayList) dayList = { ...dayList, level: indent };
    else dayList = null;
    if (stamp.timeUnknown) note(line, dayStartNote(stamp.timeUnknown));
    open = {
      ts: dated.ms,
      summary,
      details: [],
      attrs: {
        ...(stamp.approximate || scope.approximate || !stamp.clock ? { approximate: true } : {}),
        ...(stamp.clock ? {} : { dayOnly: true }),
        ...(stamp.spanMinutes ? { spanMinutes: stamp.spanMinutes } : {}),
      },
      group,
      source: { file: name, line },
    };
    shape.of = kind;
    shape.indent = indent;
    if (kind === 'line')
      timedParagraphs.set(stretch, { first: timedParagraphs.get(stretch)?.first ?? line, last: line });
    if (kind === 'bullet' && !dayOnly)
      timedIndents.set(listRun, (timedIndents.get(listRun) ?? new Set()).add(indent));
    else if (kind !== 'bullet') listRun++;
    provisional = dayOnly;
    attached = false;
    // A heading's own line is not the paragraph below it; a bullet's or a line's text is.
    lastTextLine = kind === 'heading' ? -1 : line;
  };

  // A fenced code block (a pasted log, a command) inside an entry is that entry's material, not
  // entries of its own, whatever times its lines carry, and so is one indented under a list item.
  // A fence that no entry holds (a timeline pasted as one block) is read as any lines are.
  let fence: { marker: string; skipping: boolean } | null = null;

  for (let i = 0; i < lines.length; i++) {
    const { text, number } = lines[i];
    const fenceLine = FENCE.exec(text);
    if (fence) {
      const closes =
        fenceLine &&
        fenceLine[1][0] === fence.marker[0] &&
        fenceLine[1].length >= fence.marker.length &&
        !fenceLine[2].trim();
      if (closes) {
        fence = null;
        continue;
      }
      if (fence.skipping) continue;
    } else if (fenceLine && !(fenceLine[1][0] === '`' && fenceLine[2].includes('`'))) {
      // Indented, the fence is nested in the list item above it, even past a blank line.
      const nested = /^(?: {2}|\t)/.test(text);
      fence = { marker: fenceLine[1], skipping: (open as RawEvent | null) !== null || nested };
      continue;
    }
    const blank = !text.trim();
    const wasBlank = previousBlank;
    previousBlank = blank;
    const inside = restrictTo ? restrictTo.has(number) : true;
    const heading = markdownHeading(text);
    const bold = !heading && !isTableRow(text) ? text.match(BOLD_HEADING) : null;
    if (heading || bold) {
      const title = heading ? heading.title : bold![1];
      const stamp = stampOf(title);
      if (inside && stamp && !isBroken(stamp) && stamp.clock) {
        begin(stamp, number, stamp.rest, 'heading', -1);
        table = null;
        continue;
      }
      close();
      // "### 2X:XX (not sure exact time)": a heading whose time cannot be read is an entry that cannot be dated.
      if (restrictTo && inside && isBroken(stamp)) skip(number, `cannot read time '${stamp.broken}'`);
      dayList = null;
      table = null;
      listRun++;
      stretch++;
      group = `${name}#list${++groupCount}`;
      scope.approximate = saysApproximate({ text, number });
      scope.month = stamp ? null : statedMonth(title);
      dating.newRun();
      const day = stamp && !isBroken(stamp) ? stamp.day : labelledDay(title);
      if (inside && day) dating.setDay(day, number);
      // "### August 18" with paragraphs below, in a timeline section: those paragraphs are that day's
      // entry. A heading with a title of its own ("October 21 - Redis Overload") names a section.
      if (restrictTo && inside && stamp && !isBroken(stamp) && stamp.day && onlyDay(stamp.rest))
        begin(stamp, number, '', 'heading', -1, true);
      continue;
    }
    if (!inside) continue;
    if (saysApproximate({ text, number })) scope.approximate = true;

    if (isTableRow(text)) {
      if (!table) {
        if (isTableSeparator(lines[i + 1]?.text ?? '')) {
          close();
          const header = tableCells(text);
          const rows: string[][] = [];
          for (let j = i + 2; j < lines.length && isTableRow(lines[j].text); j++)
            rows.push(tableCells(lines[j].text));
          // In a timeline section, a table dated by days alone has its rows at each day's start.
          const byContent = columnRolesByContent(header, rows);
          const roles = restrictTo ? dayColumnAsTime(byContent, rows) : byContent;
          table = {
            roles: roles.includes('time') ? roles : [],
            header,
            group: `${name}#table${++groupCount}`,
          };
          i++;
        }
        continue;
      }
      if (!table.roles.length) continue;
      const event = tableRow(tableCells(text), table, number, name, dating, { skip, note }, scope.month);
      if (event) {
        if (scope.approximate) event.attrs = { ...event.attrs, approximate: true };
        events.push(event);
      }
      continue;
    }
    table = null;
    if (blank) continue;

    const bullet = text.match(BULLET);
    const indent = bullet ? bullet[1].replace(/\t/g, '    ').length : 0;
    const body = bullet ? bullet[2] : text;
    // A list item's time may end at a comma ("- 14:33, admin@… receives an email").
    const stamp = stampOf(body, { comma: bullet !== null, month: scope.month, fourDigit });
    if (stamp && isBroken(stamp)) {
      // A footnote mark after the stamp ("2023-MM-DD[^1]:") is not its text.
      const after = unwrapLead(body)
        .slice(stamp.broken.length)
        .replace(/^\[\^[^\]]{1,16}\]/, '')
        .slice(0, 4);
      if (/[-|:–—]|^\s*$/.test(after)) {
        close();
        skip(number, `cannot read time '${stamp.broken}'`);
        continue;
      }
    } else if (stamp?.clock) {
      begin(stamp, number, stamp.rest, bullet ? 'bullet' : stamp.rest ? 'line' : 'heading', indent);
      continue;
    } else if (stamp?.day && onlyDay(stamp.rest)) {
      // A date on its own line ("**June 13, 2022**", "- 2022-06-13:") sets the day below it; in a
      // timeline section, the text written under it is that day's entry.
      close();
      dating.setDay(stamp.day, number);
      if (restrictTo) begin(stamp, number, '', bullet ? 'bullet' : 'heading', indent, true);
      continue;
    } else if (stamp?.day && (stamp.separated || stamp.timeUnknown)) {
      // "10/14/2022 - A researcher reported …": an entry known only to the day.
      begin(stamp, number, stamp.rest, bullet ? 'bullet' : 'line', indent);
      continue;
    }
    // "2019-03-20:" over "* CVEs were requested …" and "* Draft fixes were shared …": each item
    // is an entry of that day, at its start; items nested under one are that item's text.
    if (dayList && bullet && !stamp && indent > dayList.indent && indent <= (dayList.level ?? indent)) {
      const list: DayList = dayList;
      begin(list.stamp, number, stripEmphasis(body), 'bullet', indent);
      dayList = { ...list, level: indent };
      continue;
    }
    const labelled = stamp ? null : labelledDay(body);
    if (labelled) {
      close();
      dating.setDay(labelled, number);
      continue;
    }
    // A timeline told in prose: a paragraph of a timeline section that opens with its day
    // ("On September 5th, a researcher reported …") is that day's entry. A line that names its
    // times of day ("Between 23:19 UTC on 07 February 2024 and 04:10 UTC …") is read by them, as a
    // story told in sentences, not known only to its day.
    const byDay = prose && !stamp && !bullet && !namesTimeOfDay(body);
    const told = byDay && wasBlank && shape.of !== 'heading' ? proseDay(body) : null;
    if (told) {
      begin(told, number, told.rest, 'line', 0);
      proseDayTold = told.day;
      continue;
    }
    // Inside a paragraph, a line telling of a new day ("… until September 10th when I became aware")
    // begins that day's entry there.
    const within = byDay ? proseDayWithin(body) : null;
    if (within && !sameDay(within.day, proseDayTold)) {
      begin(within, number, within.rest, 'line', 0);
      proseDayTold = within.day;
      continue;
    }
    const current = open as RawEvent | null; // set inside begin()
    // A line right below the entry's own text, with no blank and no bullet between, is the same
    // paragraph (a soft line break, as Markdown renders it): it goes on with that text, as does
    // the text after an HTML break on the same source line.
    if (current && !bullet && !wasBlank && (lastTextLine === number - 1 || lastTextLine === number)) {
      const details = current.details!;
      if (details.length) details[details.length - 1] = joinWrapped(details[details.length - 1], body);
      else current.summary = joinWrapped(current.summary, body);
      attachedAt(number);
      continue;
    }
    // A line indented under a bullet entry ("  This was the cause …" between two code blocks of
    // its item) is that item's own text, as Markdown renders a list item's continued content.
    const underItem =
      !bullet && shape.of === 'bullet' && (text.match(/^ {0,24}/)?.[0].length ?? 0) > shape.indent + 1;
    const attaches = bullet
      ? shape.of !== 'bullet' || indent > shape.indent
      : shape.of === 'heading' || (!wasBlank && shape.of === 'line') || underItem;
    if (current && attaches) {
      current.details!.push(stripEmphasis(body));
      attachedAt(number);
    } else {
      close();
      if (!bullet) listRun++;
      else if (restrictTo && inside && body.trim() && !REMARK.test(body))
        untimed.push({ line: number, indent, list: listRun, text: body });
      if (!bullet && wasBlank && restrictTo && inside && !REMARK.test(body))
        untimedParagraphs.push({ line: number, stretch, text: body });
    }
  }
  close();
  for (const item of untimed)
    if (timedIndents.get(item.list)?.has(item.indent)) skip(item.line, untimedItem(item.text));
  for (const paragraph of untimedParagraphs) {
    const timed = timedParagraphs.get(paragraph.stretch);
    if (timed && timed.first < paragraph.line && paragraph.line < timed.last)
      skip(paragraph.line, untimedItem(paragraph.text));
  }
  // "15:33", then "13:40" and "13:50" to the end of the day: mistyped times, reported, never placed.
  const stray = dating.stray();
  for (const [line, why] of stray) skip(line, why);
  for (const [line, ms] of dating.movedBack()) for (const e of events) if (e.source.line === line) e.ts = ms;
  const kept = stray.size ? events.filter((e) => !stray.has(e.source.line ?? -1)) : events;
  const opening = postedOpening(lines, kept, stated.zone, name, `${name}#posted`);
  return {
    events: opening ? [opening, ...kept] : kept,
    problems,
    untimed: untimed.map(({ line, text }) => ({ line, text })),
  };
}

/**
 * A line that opens or closes a fenced code block: three or more backticks or tildes, then any info
 * string; indented as far as a list item's continuation nests it (a log pasted under a bullet).
 */
const FENCE = /^[ \t]{0,12}(`{3,}|~{3,})(.*)$/;

const HTML_BREAK = /<br\s{0,2}\/?>/gi;

/**
 * A line with HTML line breaks (`…(Internal ID 5605.)<br> 21:14 - DNS changes take effect.`) as
 * the lines it renders as, each with the number of the source line it is written on. A table row
 * keeps its breaks: they are line breaks inside one cell.
 */
function brokenAt(text: string, number: number): SourceLine[] {
  if (isTableRow(text) || !HTML_BREAK.test(text)) return [{ text, number }];
  HTML_BREAK.lastIndex = 0;
  // The first part keeps its indent (a nested list item's); the parts after a break start the line.
  const [first, ...after] = text.split(HTML_BREAK);
  const parts = [first, ...after.map((part) => part.trimStart())].filter((part) => part.trim());
  return parts.length ? parts.map((part) => ({ text: part, number })) : [{ text: '', number }];
}

/**
 * The document's lines as they render. A line written in HTML (`<p><b>UPDATE 7 May 19:27 UTC</b> -
 * Drives replaced …</p><p>…`) is the paragraphs it shows, an empty line where one block ends and the
 * next begins, and a paragraph the source wraps onto its next lines ("… </p><p> On August 27th,
 * starting at" / "about 18:00 UTC an account …") stays one; a Markdown line is broken at its `<br>`s.
 */
function rendered(lines: SourceLine[]): SourceLine[] {
  // A whole HTML page (a blog post saved as it was served) is the Markdown it shows.
  const opening = lines.slice(0, 40).map((l) => l.text);
  if (lines.length && isHtmlPage(opening.join('\n'))) {
    const offset = lines[0].number - 1;
    return htmlPageLines(lines.map((l) => l.text).join('\n')).map((l) => ({
      text: l.text,
      number: l.number + offset,
    }));
  }
  // "Timeline" over "--------" is the heading "## Timeline"; front matter's closing "---" is no underline.
  const titled = atxFromSetext(
    lines.map((l) => l.text),
    frontMatterEnd(lines) + 1,
  );
  const source = lines.map((l, i) => (titled[i] === l.text ? l : { text: titled[i], number: l.number }));
  const written: SourceLine[] = [];
  // The last line of an HTML paragraph still open.
  let wrapped: SourceLine | null = null;
  for (const l of source) {
    const continues: boolean = wrapped !== null && l.text.trim() !== '';
    if (!continues) wrapped = null;
    if (!continues && (!isHtmlLine(l.text) || isTableRow(l.text))) {
      written.push(...brokenAt(l.text, l.number));
      continue;
    }
    const html = renderHtmlLine(l.text);
    const parts = [...html.parts];
    // The line's first text runs on from the paragraph the line before left open.
    if (wrapped && parts.length && parts[0] !== '') wrapped.text += ` ${parts.shift()}`;
    const added: SourceLine[] = parts.map((text) => ({ text, number: l.number }));
    if (!html.parts.length) added.push({ text: '', number: l.number });
    written.push(...added);
    const last: SourceLine | null = added.length ? added[added.length - 1] : wrapped;
    wrapped = (html.open ?? continues) && last?.text ? last : null;
  }
  return written;
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const source: SourceLine[] = [];
  for await (const l of linesOf(input, ctx, {
    maxBytes: LIMITS.documentBytes,
    maxLines: LIMITS.documentLines,
  }))
    source.push(l);
  // `04/09/2013` read as the document's own days say it writes them, by every reader below.
  const lines = inDocumentDayOrder(stampsClosingParagraphs(rendered(source)));
  const sections = timelineSectionLines(lines);
  // The timeline sections when the document names some and they hold entries, else every timed line.
  const inSections = sections.size ? readLines(input.name, lines, ctx, sections) : null;
  let reading = inSections;
  // A timeline section with no timed line may be told in prose, a paragraph opening with each day.
  if (sections.size && !reading?.events.length)
    reading = readLines(input.name, lines, ctx, sections, { prose: true });
  if (!reading?.events.length) {
    // Timed lines outside any timeline are sentences: the windows they state end where they say.
    reading = readLines(input.name, lines, ctx, null);
    reading.events = withWindowEnds(reading.events);
  }
  // With no timed line at all, the story may be told in sentences that name their times.
  const told = reading.events.length ? null : proseAsLines(lines);
  if (told) {
    reading = readLines(input.name, told, ctx, null, { told: true });
    // Marked as told in prose: a reviewer holds a timeline to its form, not a story.
    reading.events = withWindowEnds(reading.events).map((e) => ({
      ...e,
      attrs: { ...e.attrs, prose: true },
    }));
    if (reading.events.length)
      reading.problems.unshift({
        line: null,
        message: `no timeline: ${reading.events.length} entries read from the sentences that name a time`,
        read: true,
      });
  }
  for (const p of reading.problems) {
    if (p.read) ctx.note(p.line, p.message);
    else ctx.skip(p.line, p.message);
  }
  // A timeline whose items carry no time any reading knows ("* 23h00m – …"): each item is reported
  // with its line, never dropped without a word.
  if (!reading.events.length)
    for (const item of inSections?.untimed ?? []) ctx.skip(item.line, untimedItem(item.text));
  // Milestone fields state their meaning by their label; each is an entry of its own (the report
  // merges one the timeline restates at the same minute: "Incident declared" in both).
  const milestones = milestonesOf(input.name, lines, ctx);
  const fields = new Set(milestones.map((m) => m.source.line));
  const entries = [...reading.events.filter((e) => !fields.has(e.source.line ?? -1)), ...milestones];
  // Its figures and causal sentences, read over the whole document, for the analysis to check.
  const windows = statedWindows(input.name, lines, ctx).map((w) => onTimelineDay(w, entries));
  yield* [...entries, ...(told ? [] : statedStarts(windows, entries))];
  for (const statement of documentStatements(lines, input.name)) ctx.addStatement(statement);
  for (const window of windows) ctx.addStatement(window);
}

const DAY = 86_400_000;

/**
 * A window whose sentence names no day is dated on the document's day. Where the timeline has no
 * entry at its start but has one at that time a day before or after (an evening's outage in a
 * document dated the next morning: "by ~23:50–00:20 UTC the box was hung"), the window is on the
 * timeline's day.
 */
function onTimelineDay(window: Statement, entries: RawEvent[]): Statement {
  if (window.kind !== 'window' || !daysIn(window.text).next().done) return window;
  const standsAt = (ts: number) => entries.some((e) => Math.abs(e.ts - ts) < 60_000);
  if (standsAt(window.start)) return window;
  const shift = [-DAY, DAY].find((d) => standsAt(window.start + d));
  return shift ? { ...window, start: window.start + shift, end: window.end + shift } : window;
}

/**
 * Where the Summary or Impact states when the problem began ("The Windows package was unavailable
 * from 2021-05-25 11:30 UTC until …") and no timeline entry stands at that time, the statement is
 * an entry of its own at that time: the problem's stated start, which the analysis takes for the
 * impact start only where it keeps the incident's order.
 */
function statedStarts(windows: Statement[], entries: RawEvent[]): RawEvent[] {
  const out: RawEvent[] = [];
  for (const w of windows) {
    if (w.kind !== 'window') continue;
    const standing = entries.some(
      (e) => Math.abs(e.ts - w.start) < 60_000 || e.source.line === w.source.line,
    );
    if (standing || out.some((o) => o.ts === w.start)) continue;
    out.push({
      ts: w.start,
      kind: 'note',
      signals: ['symptom'],
      summary: w.text,
      source: w.source,
      attrs: { statedStart: true },
    });
  }
  return out;
}

/**
 * The milestone fields of the document (`- **First detected:** 2023-06-06 10:23`, `| Resolved |
 * 15:00 UTC |`), each an entry dated as the timeline's lines are (its zone, its day), its kind and
 * signals those its label names. "Resolved" closes the incident, and where no field names the
 * recovery, it is the recovery too.
 */
function milestonesOf(name: string, lines: SourceLine[], ctx: ReadContext): RawEvent[] {
  const meanings = new Map<number, MilestoneMeaning>();
  const rewritten = lines.map((l) => {
    const field = milestoneField(l.text);
    if (!field) return l;
    meanings.set(l.number, field.meaning);
    return { text: `- ${field.value} - ${field.label}`, number: l.number };
  });
  if (!meanings.size) return [];
  const recoveryNamed = [...meanings.values()].some((m) => m.signals.includes('recovery'));
  const quiet = { ...ctx, skip: () => {}, note: () => {} };
  const read = readLines(name, rewritten, quiet, new Set(meanings.keys())).events;
  return read.flatMap((e) => {
    const meaning = meanings.get(e.source.line ?? -1);
    if (!meaning) return [];
    const signals: Signal[] =
      meaning.resolves && !recoveryNamed ? ['recovery', 'close'] : [...meaning.signals];
    return [
      {
        ...e,
        group: `${name}#milestones`,
        kind: meaning.kind,
        signals,
        attrs: { ...e.attrs, milestone: true, ...(meaning.bound ? { impactBound: meaning.bound } : {}) },
      },
    ];
  });
}

/** Parts that speak of the incident as a whole, where a window stated is the incident's. */
const WHOLE = new Set(['head', 'summary', 'impact']);

/**
 * The windows the document's opening, Summary or Impact states in a sentence ("On 2023-07-20
 * between 12:17 and 12:30 UTC all crate downloads were broken"), dated as the timeline is: the
 * analysis finds the timeline's entries at their start and end.
 */
function statedWindows(name: string, lines: SourceLine[], ctx: ReadContext): Statement[] {
  const parts = documentParts(lines).filter((p) => WHOLE.has(p.kind));
  const whole = parts.flatMap((p) => p.lines);
  const impact = new Set(
    parts.filter((p) => p.kind === 'impact').flatMap((p) => p.lines.map((l) => l.number)),
  );
  const told = whole.length ? proseAsLines(whole) : null;
  if (!told) return [];
  const quiet = { ...ctx, skip: () => {}, note: () => {} };
  // The zone the document states (its timeline's statement first) holds for its sentences too.
  const zoneFrom = { lines, timeline: timelineSectionLines(lines) };
  const events = withWindowEnds(readLines(name, told, quiet, null, { told: true, zoneFrom }).events);
  const windows: Statement[] = [];
  for (const end of events.filter((e) => e.attrs?.rangeEnd)) {
    const start = events.find((e) => e.source.line === end.source.line && !e.attrs?.rangeEnd);
    if (start && end.ts > start.ts)
      windows.push({
        kind: 'window',
        start: start.ts,
        end: end.ts,
        text: start.summary,
        source: start.source,
        ...(impact.has(start.source.line ?? -1) ? { impact: true } : {}),
      });
  }
  return windows;
}

function tableRow(
  cells: string[],
  table: TableState,
  line: number,
  file: string,
  dating: ReturnType<typeof timelineDating>,
  { skip, note }: Report,
  month: Scope['month'] = null,
): RawEvent | null {
  const get = (role: ColumnRole) =>
    table.roles.map((r, i) => (r === role ? cellText(cells[i] ?? '') : '')).filter(Boolean);
  const [timeCell] = get('time');
  if (!timeCell) {
    if (cells.some((c) => c.trim())) skip(line, 'table row has no time');
    return null;
  }
  const [dateCell] = get('date');
  const stamp =
    readStamp(dateCell ? `${dateCell} ${timeCell}` : timeCell, { cell: !dateCell, month }) ??
    readStamp(timeCell, { cell: true, month });
  if (!stamp || isBroken(stamp)) {
    skip(line, `cannot read time '${isBroken(stamp) ? stamp.broken : timeCell}'`);
    return null;
  }
  const dated = dating.date(stamp, line);
  if ('problem' in dated) {
    skip(line, dated.problem);
    return null;
  }
  if (stamp.timeUnknown) note(line, dayStartNote(stamp.timeUnknown));
  const attrs: Record<string, unknown> = {};
  table.roles.forEach((role, i) => {
    const value = cellText(cells[i] ?? '');
    if (role === 'other' && value)
      attrs[
        table.header[i]
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '_')
          .replace(/^_|_$/g, '')
      ] = value;
  });
  const [status] = get('status');
  // "✓ RECOVERED", "🔴 DETECTED": the words say the status, the marks only decorate it.
  const statusWords = status?.replace(/[^\p{L}\p{N}\s'/-]/gu, '').trim();
  if (statusWords) attrs.status = statusWords;
  if (stamp.approximate || !stamp.clock) attrs.approximate = true;
  if (!stamp.clock) attrs.dayOnly = true;
  const summaryParts = [...get('summary'), ...get('action')];
  const summary = summaryParts.length
    ? summaryParts.join(' — ')
    : Object.entries(attrs)
        .filter(([k]) => k !== 'approximate' && k !== 'dayOnly')
        .map(([, v]) => v)
        .join(' — ');
  if (!summary) {
    skip(line, 'table row has a time but no event text');
    return null;
  }
  const [kind] = get('kind');
  const [service] = get('service');
  const [ref] = get('ref');
  return {
    ts: dated.ms,
    kind: readKind(kind),
    service: service || null,
    ref: ref || undefined,
    summary,
    details: [],
    attrs,
    group: table.group,
    source: { file, line },
  };
}

/** Human timelines: Markdown tables with a time column, timed bullets and headings, plain timed lines. */
export const markdownTimeline: Source = {
  name: 'markdown-timeline',
  title:
    'Human timelines: Markdown tables with a time column, "- **12:04:** …" bullets, "### 14:05" headings, "June 14th, 2022, 10:00 AM: …" lines; a postmortem saved as an HTML page',
  example:
    'Copy the Timeline section of your incident doc or wiki page into timeline.md (or save the page: postmortem.html)',
  detect,
  read,
};
