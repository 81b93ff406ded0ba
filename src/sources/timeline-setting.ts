// What a document says about all of its times at once: the day they fall on, their zone, and
// whether they are approximate. Read before the lines, so every line is dated the same way.
import {
  daysIn,
  firstDate,
  hasZoneWords,
  isoDay,
  MONTH_NAME,
  readStamp,
  type ZoneWords,
  zoneWordsIn,
} from '../time/index.js';

export interface SourceLine {
  text: string;
  number: number;
}

/** Where a document states its day. */
export interface BaseDate {
  date: string;
  from: 'statement' | 'front matter' | 'title' | 'file name' | 'text';
  line: number | null;
}

/** `date: 2022-10-11` in YAML front matter, `date = 2018-07-31T14:08:53Z` in TOML (Hugo's `+++`). */
const FRONT_MATTER_DATE = /^date\s{0,3}[:=]\s{0,3}["']?(.{4,40}?)["']?\s*$/i;
/** `title: "Update on the October 15, 2018 incident"` in YAML or TOML front matter, its quotes apart. */
const FRONT_MATTER_TITLE = /^title\s{0,3}[:=]\s{0,3}(["']?)(.{1,300}?)\1\s*$/i;
const TITLE = /^\s{0,3}#\s/;
/** "Unless otherwise noted all events happened on 2019-10-21", "All times below are from 3 May 2022". */
const DAY_STATEMENT =
  /\b(?:events?|times?|timestamps?|entries)\b[^.\n]{0,60}?\b(?:on|happened|occurred|took place|are from|dated)\b/i;

/** A metadata line of an undelimited header: `date: '2014-05-07T14:48:16+00:00'`, `Title: Mail outage`. */
const METADATA_LINE = /^[A-Za-z][\w-]{0,30}\s{0,2}:(?:\s.*)?$/;
/** Keys a blog or documentation engine's metadata header carries, one of which makes it a header. */
const METADATA_KEY = /^(?:title|date|layout|author|authors|permalink|slug|tags|category|categories)\s{0,2}:/i;

/** Where a leading front matter block's lines are: from `first` up to (not including) `end`. */
export function frontMatterRange(lines: SourceLine[]): { first: number; end: number } | null {
  const fence = lines[0]?.text.trim();
  if (fence === '---' || fence === '+++') {
    const end = lines.findIndex((l, i) => i > 0 && l.text.trim() === fence);
    return end > 0 ? { first: 1, end } : null;
  }
  // A header of `key: value` lines with no fences (Pelican, MultiMarkdown), after any blank lines and
  // up to the first blank one, naming a title, a date or a layout.
  let first = 0;
  while (first < lines.length && first < 3 && !lines[first].text.trim()) first++;
  let end = first;
  while (end < lines.length && end - first < 40 && METADATA_LINE.test(lines[end].text.trim())) end++;
  const closed = end >= lines.length || !lines[end].text.trim();
  if (end - first < 2 || !closed) return null;
  return lines.slice(first, end).some((l) => METADATA_KEY.test(l.text.trim())) ? { first, end } : null;
}

/** The lines of a leading front matter block, none when there is none. */
function frontMatter(lines: SourceLine[]): SourceLine[] {
  const range = frontMatterRange(lines);
  return range ? lines.slice(range.first, Math.min(range.end, range.first + 60)) : [];
}

/** The front matter's `title`, as written without its key and quotes, with its line; null when none. */
export function frontMatterTitle(lines: SourceLine[]): SourceLine | null {
  for (const l of frontMatter(lines)) {
    const m = FRONT_MATTER_TITLE.exec(l.text.trim());
    if (m?.[2].trim()) return { text: m[2].trim(), number: l.number };
  }
  return null;
}

/**
 * The index of the line closing a leading front matter block, -1 when there is none: YAML between
 * `---` lines, TOML between `+++` lines as Hugo sites write it, or an undelimited `key: value` header
 * (the blank line after it).
 */
export function frontMatterEnd(lines: SourceLine[]): number {
  return frontMatterRange(lines)?.end ?? -1;
}

/** The day a sentence states for the document's times, when one does (it is not an entry itself). */
export function dayStatement(line: SourceLine): string | null {
  if (!DAY_STATEMENT.test(line.text) || isEntry(line.text)) return null;
  return firstDate(line.text);
}

/**
 * The day a document is about: a sentence stating the day of its times, else its front matter's
 * `date`, a date in its title (a `#` heading or the front matter's `title`), its file name, or the
 * first full date in its text (`On Tuesday 29 November 2019, …`). A blog post's file name and front
 * matter carry its publication day, so a title or lead naming a day in the fortnight before it wins.
 */
export function documentBaseDate(name: string, lines: SourceLine[]): BaseDate | null {
  for (const l of lines) {
    const date = dayStatement(l);
    if (date) return { date, from: 'statement', line: l.number };
  }
  const front = frontMatter(lines);
  for (const l of front) {
    const m = l.text.match(FRONT_MATTER_DATE);
    const date = m ? firstDate(m[1]) : null;
    if (!date) continue;
    // A blog post's front matter dates its publication: a title or a lead naming the incident's
    // day in the fortnight before it tells the day the times fall on.
    const fromTitle = titleDate(lines);
    if (fromTitle && withinLead(fromTitle.date, date)) return fromTitle;
    return leadDay(lines, date) ?? { date, from: 'front matter', line: l.number };
  }
  const fromTitle = titleDate(lines);
  if (fromTitle) return fromTitle;
  const fromName = firstDate(name.replace(/[_]/g, ' '));
  if (fromName) return leadDay(lines, fromName) ?? { date: fromName, from: 'file name', line: null };
  // The story's own text: a front matter's other keys are about the file (when it was fetched).
  const story = lines.slice(frontMatterEnd(lines) + 1);
  for (const l of story) {
    const date = firstDate(l.text);
    if (date) return { date, from: 'text', line: l.number };
  }
  return null;
}

/** A date in the title: a `#` heading or the front matter's `title`. */
function titleDate(lines: SourceLine[]): BaseDate | null {
  const title = frontMatterTitle(lines) ?? lines.find((l) => TITLE.test(l.text));
  const date = title ? firstDate(title.text) : null;
  return date && title ? { date, from: 'title', line: title.number } : null;
}

/** True when a day falls in the fortnight up to the day a report was published. */
function withinLead(day: string, published: string): boolean {
  const before = Date.parse(published) - Date.parse(day);
  return before >= 0 && before <= LEAD_DAYS * 86_400_000;
}

/** How long before it is published a report may tell of its incident's day. */
const LEAD_DAYS = 14;

/**
 * The day the lead tells of, when a file name or front matter gives the day the report was written:
 * the first day written with its month's name ("On the evening of Feb 23", "14 June 2022") before
 * the first timed line, as in `2017-02-24-proxy-death.md`, taken when it falls in the fortnight up
 * to that day.
 */
function leadDay(lines: SourceLine[], published: string): BaseDate | null {
  for (const l of lines) {
    if (isEntry(l.text)) return null;
    if (!MONTH_NAME.test(l.text)) continue;
    for (const found of daysIn(l.text)) {
      if (!MONTH_NAME.test(l.text.slice(found.start, found.end))) continue;
      const date = isoDay(found.day, published);
      if (date && withinLead(date, published)) return { date, from: 'text', line: l.number };
      return null;
    }
  }
  return null;
}

/** "All times in CEST", "times are PST (UTC-7)", "Date and Time in CET", "Timeline (UTC)". */
const ZONE_STATEMENT = /\b(?:times?|timestamps?|timeline|timezone|time zone|zone)\b/i;
const APPROXIMATE_STATEMENT =
  /\b(?:times?|timestamps?)\b[^.]{0,40}\b(?:approximat|approx\.|estimated|rough)|\b(?:approximat|estimated|rough)[a-z]{0,4}\b[^.]{0,20}\btimes?\b/i;

/** A line that is only words in brackets, perhaps emphasised: "(UTC+1)", "_(Paris, UTC+1)_". */
const BRACKETED_LINE = /^\s{0,3}[*_]{0,2}\(\s{0,2}([^()\n]{1,40}?)\s{0,2}\)[*_]{0,2}\s{0,3}$/;

/** A zone the document states for its times, with the line that states it. */
export interface ZoneStatement {
  words: ZoneWords;
  line: number;
}

/** True when the line is itself a timestamped entry, not a statement about the times. */
const isEntry = (text: string) => {
  const body = text.replace(/^\s{0,12}(?:[-*+]|\d{1,3}[.)]|#{1,6}|\|)\s{0,4}/, '').replace(/^(\*\*|__)/, '');
  const stamp = readStamp(body);
  return stamp !== null && 'clock' in stamp && stamp.clock !== null;
};

/** A table cell of a word or two with a zone in brackets: a header's `When (JST)`, `Time (UTC+2)`. */
const BRACKETED_ZONE_CELL = /^\s{0,4}\p{L}[\p{L} /&.-]{0,24}\(([^()|]{1,40})\)\s*$/u;

/** The zone a table row names for its column, when a cell is only a column name and a zone. */
function columnZone(text: string): ZoneWords | null {
  if (!text.trimStart().startsWith('|')) return null;
  for (const cell of text.split('|')) {
    const inside = cell.match(BRACKETED_ZONE_CELL)?.[1];
    const words = inside ? zoneWordsIn(inside) : null;
    if (words && hasZoneWords(words)) return words;
  }
  return null;
}

/** The zone a line states for the times around it, when it states one: in words or in a column's name. */
export function zoneStatement(line: SourceLine): ZoneStatement | null {
  if (isEntry(line.text)) return null;
  // A line that is only a zone in brackets, under the timeline's heading: "(UTC+1)", "(Paris, UTC+1)".
  const bracketed = line.text.match(BRACKETED_LINE)?.[1];
  if (bracketed) {
    const words = zoneWordsIn(bracketed);
    if (hasZoneWords(words)) return { words, line: line.number };
  }
  if (!ZONE_STATEMENT.test(line.text)) {
    const words = columnZone(line.text);
    return words ? { words, line: line.number } : null;
  }
  const words = zoneWordsIn(line.text);
  return hasZoneWords(words) ? { words, line: line.number } : null;
}

/** True when the line says the times are approximate ("All times are approximate"). */
export const saysApproximate = (line: SourceLine) =>
  APPROXIMATE_STATEMENT.test(line.text) && !isEntry(line.text);
