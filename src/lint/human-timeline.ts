import { Manifest, type Problem, type RawEvent } from '../model/index.js';
import { sources } from '../sources/index.js';
import { documentBaseDate } from '../sources/timeline-setting.js';
import { settleZone, zoneWordsIn } from '../time/index.js';
import type { PostmortemDocument } from './parse.js';
import { findSection } from './sections.js';
import { statedZone } from './stated-zone.js';
import { textInput } from './text-input.js';
import { unfencedLines } from './unfenced.js';

export interface HumanTimeline {
  entries: RawEvent[];
  problems: Problem[];
  /** The zone the timeline states (heading, note or column), null when it states none. */
  statedZone: string | null;
  /** The date times of day were placed on. */
  date: string | null;
}

export interface HumanTimelineOptions {
  /** Zone for times that state none, when the document does not say either. */
  zone?: string;
  /** Date for times of day, when the document gives none. */
  date?: string | null;
}

/** The text that says how a timeline's times are to be read: its heading, first lines and column names. */
function timelinePreamble(doc: PostmortemDocument): string {
  const section = findSection(doc.sections, 'timeline');
  if (!section) return '';
  const end = Math.min(section.endLine, section.line + 4);
  const preamble = doc.lines.slice(section.line - 1, end);
  // The column names of the section's first table, however much a note above it says first
  // ("> [!NOTE] …" over "| Datetime (UTC) | Description |").
  const header = doc.lines
    .slice(section.line, section.endLine)
    .find(
      (text, i, lines) => /^\s{0,3}\|/.test(text) && /^\s{0,3}\|?\s{0,3}:?-{3,}/.test(lines[i + 1] ?? ''),
    );
  return [...preamble, ...(header && !preamble.includes(header) ? [header] : [])].join('\n');
}

/** A sentence that says how all times are given: "All times in CEST", "times are in UTC", "Timestamps are PST". */
const ZONE_NOTE = /\b(?:all\s{1,3})?(?:times?|timestamps?|hours)\b[^.\n]{0,40}/gi;

/**
 * The zone a document states once in prose for its times, wherever it says so (a note under the
 * title, in the summary), read from the words after "times", so a zone named in passing is not taken.
 */
export function proseZoneNote(doc: PostmortemDocument): string | null {
  for (const { text: line } of unfencedLines(doc.lines)) {
    for (const m of line.slice(0, 2000).matchAll(ZONE_NOTE)) {
      const zone = statedZone(m[0]);
      if (zone) return m[0];
    }
  }
  return null;
}

/**
 * Reads the timeline of a human-written postmortem with the core's Markdown timeline source, so
 * lint and import see the same entries, days and zones the generator would (a zone stated in
 * words is local time on the incident's day: PST written in June is UTC-7).
 */
export async function readHumanTimeline(
  doc: PostmortemDocument,
  { zone = 'UTC', date = null }: HumanTimelineOptions = {},
): Promise<HumanTimeline> {
  // A zone stated once in prose ("All times in CEST") covers the timeline when its heading states none.
  const heading = timelinePreamble(doc);
  const preamble = statedZone(heading) ? heading : (proseZoneNote(doc) ?? heading);
  const lines = doc.lines.map((text, i) => ({ text, number: i + 1 }));
  const day = date ?? documentBaseDate(doc.name, lines)?.date ?? null;
  // The stated zone as the source reads it, so messages show times as the document wrote them.
  const written = statedZone(preamble);
  const settled = written ? settleZone(zoneWordsIn(preamble), day) : null;
  const stated = settled?.zone ?? written;
  const problems: Problem[] = [];
  const source = sources['markdown-timeline'];
  const ctx = {
    manifest: Manifest.parse({}),
    spec: null,
    // A document without any date still gets its order and gaps checked, on a day of no meaning.
    time: { date: day ?? '1970-01-01', zone },
    skip: (line: number | null, message: string) => void problems.push({ file: doc.name, line, message }),
    // Doubts about lines that were read (order, a day without its time, a zone settled) are not
    // findings: timeline-order checks the order itself, timeline-time-zone the zone.
    note: () => {},
    addSeries: () => {},
    addLogTemplates: () => {},
    addStatement: () => {},
  };
  const entries: RawEvent[] = [];
  // A story told in prose is no timeline to hold to a timeline's form (its order, its zone), nor is
  // a block of milestone fields ("First detected: …", "Resolved: …"), kept in its template's order.
  for await (const event of source.read(textInput(doc.name, doc.text), ctx))
    if (!event.attrs?.prose && !event.attrs?.milestone) entries.push(event);
  return { entries, problems, statedZone: stated, date: day };
}
