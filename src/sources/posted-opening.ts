// A status page's incident post: its front matter dates the post to the minute, its opening text is
// the first notice, and timed updates follow. The opening text is then an entry at the post's time.
import { DateTime } from 'luxon';
import type { RawEvent } from '../model/index.js';
import { frontMatterEnd, frontMatterRange, type SourceLine } from './timeline-setting.js';

/** `date: "2022-10-11T13:57+02:00"`, `date = 2018-07-31T14:08:53.000Z`: a front matter date with its time. */
const DATED_TO_THE_MINUTE =
  /^date\s{0,3}[:=]\s{0,3}["']?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?\s{0,1}(?:Z|[+-]\d{2}:?\d{2})?)["']?\s*$/i;
/** How long before its first timed update a post's opening notice may stand. */
const OPENING_LEAD_MS = 48 * 3600_000;
/** Lines that open no notice: headings, tables, quotes, HTML, MDX imports and components. */
const NOT_TEXT = /^\s{0,3}(?:#|\||>|<|import\s|export\s|\{\{|-{3,}|\*{3,})/;

/** The instant the front matter dates the document to, when it gives a time of day (midnight is a day, not a time). */
export function postedAt(lines: SourceLine[], zone: string): { ms: number; zoned: boolean } | null {
  const range = frontMatterRange(lines);
  for (const l of range ? lines.slice(range.first, range.end) : []) {
    const written = l.text.trim().match(DATED_TO_THE_MINUTE)?.[1];
    if (!written) continue;
    const dt = DateTime.fromISO(written.replace(' ', 'T'), { zone, setZone: true });
    if (!dt.isValid || (dt.hour === 0 && dt.minute === 0)) return null;
    return { ms: dt.toMillis(), zoned: /(?:Z|[+-]\d{2}:?\d{2})$/.test(written) };
  }
  return null;
}

/**
 * The opening notice of a post dated to the minute, as an entry at the post's time, telling of the
 * problem, its detection and its declaration (a status page's first post): the first
 * paragraph after the front matter, when no entry was read from it and the post's time comes before
 * every entry, no more than two days before the first (a post published after its incident, as a
 * postmortem is, dates nothing of its own).
 */
export function postedOpening(
  lines: SourceLine[],
  events: RawEvent[],
  zone: string,
  file: string,
  group: string,
): RawEvent | null {
  const posted = postedAt(lines, zone);
  if (posted === null || !events.length) return null;
  const at = posted.ms;
  const first = Math.min(...events.map((e) => e.ts));
  if (at > first || first - at > OPENING_LEAD_MS) return null;
  const start = lines.findIndex((l, i) => i > frontMatterEnd(lines) && l.text.trim() !== '');
  if (start < 0 || NOT_TEXT.test(lines[start].text)) return null;
  const paragraph: SourceLine[] = [];
  for (const l of lines.slice(start)) {
    if (!l.text.trim() || NOT_TEXT.test(l.text)) break;
    paragraph.push(l);
  }
  const taken = new Set(events.map((e) => e.source.line));
  if (paragraph.some((l) => taken.has(l.number))) return null;
  return {
    ts: at,
    summary: paragraph.map((l) => l.text.trim()).join(' '),
    details: [],
    // The post is the incident made known and put on the page: the problem, its detection, its declaration.
    signals: ['symptom', 'detect', 'declare'],
    // The front matter states the post's zone when it writes an offset or `Z` with its time.
    attrs: posted.zoned ? { posted: true, zoned: true } : { posted: true },
    group,
    source: { file, line: paragraph[0].number },
  };
}
