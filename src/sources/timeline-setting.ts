// What a document says about all of its times at once: the day they fall on, their zone, and
// whether they are approximate. Read before the lines, so every line is dated the same way.
import { firstDate, hasZoneWords, readStamp, type ZoneWords, zoneWordsIn } from '../time/index.js';

export interface SourceLine {
  text: string;
  number: number;
}

/** Where a document states its day. */
export interface BaseDate {
  date: string;
  from: 'front matter' | 'title' | 'file name' | 'text';
  line: number | null;
}

const FRONT_MATTER_DATE = /^date\s{0,3}:\s{0,3}["']?(.{4,40}?)["']?\s*$/i;
const TITLE = /^\s{0,3}#\s/;

/**
 * The day a document is about: its front matter's `date`, else a date in its title, its file
 * name, or the first full date in its text (`On Tuesday 29 November 2019, …`).
 */
export function documentBaseDate(name: string, lines: SourceLine[]): BaseDate | null {
  if (lines[0]?.text.trim() === '---') {
    for (const l of lines.slice(1, 60)) {
      if (l.text.trim() === '---') break;
      const m = l.text.match(FRONT_MATTER_DATE);
      const date = m ? firstDate(m[1]) : null;
      if (date) return { date, from: 'front matter', line: l.number };
    }
  }
  const title = lines.find((l) => TITLE.test(l.text));
  const fromTitle = title ? firstDate(title.text) : null;
  if (fromTitle && title) return { date: fromTitle, from: 'title', line: title.number };
  const fromName = firstDate(name.replace(/[_]/g, ' '));
  if (fromName) return { date: fromName, from: 'file name', line: null };
  for (const l of lines) {
    const date = firstDate(l.text);
    if (date) return { date, from: 'text', line: l.number };
  }
  return null;
}

/** "All times in CEST", "times are PST (UTC-7)", "Date and Time in CET", "Timeline (UTC)". */
const ZONE_STATEMENT = /\b(?:times?|timestamps?|timeline|timezone|time zone|zone)\b/i;
const APPROXIMATE_STATEMENT =
  /\b(?:times?|timestamps?)\b[^.]{0,40}\b(?:approximat|approx\.|estimated|rough)|\b(?:approximat|estimated|rough)[a-z]{0,4}\b[^.]{0,20}\btimes?\b/i;

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

/** The zone a line states for the times around it, when it states one. */
export function zoneStatement(line: SourceLine): ZoneStatement | null {
  if (!ZONE_STATEMENT.test(line.text) || isEntry(line.text)) return null;
  const words = zoneWordsIn(line.text);
  return hasZoneWords(words) ? { words, line: line.number } : null;
}

/** True when the line says the times are approximate ("All times are approximate"). */
export const saysApproximate = (line: SourceLine) =>
  APPROXIMATE_STATEMENT.test(line.text) && !isEntry(line.text);
