import { Manifest, type Problem, type RawEvent } from '../model/index.js';
import { sources } from '../sources/index.js';
import { normaliseZone, zoneForAbbreviation } from '../time/index.js';
import { firstDate } from './document-date.js';
import type { PostmortemDocument } from './parse.js';
import { findSection } from './sections.js';
import { statedZone } from './stated-zone.js';
import { textInput } from './text-input.js';

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
  return doc.lines.slice(section.line - 1, end).join('\n');
}

/**
 * Reads the timeline of a human-written postmortem with the core's Markdown timeline source, so
 * lint and import see the same entries the generator would.
 */
export async function readHumanTimeline(
  doc: PostmortemDocument,
  { zone = 'UTC', date = null }: HumanTimelineOptions = {},
): Promise<HumanTimeline> {
  const stated = statedZone(timelinePreamble(doc));
  const day = date ?? firstDate(doc.text) ?? '1970-01-01';
  const problems: Problem[] = [];
  const source = sources['markdown-timeline'];
  const ctx = {
    manifest: Manifest.parse({}),
    spec: null,
    // A written abbreviation is a fixed offset: 'PST' in June still means UTC-8.
    time: { date: day, zone: (stated && zoneForAbbreviation(stated)) || normaliseZone(stated ?? zone) },
    skip: (line: number | null, message: string) => problems.push({ file: doc.name, line, message }),
    addSeries: () => {},
    addLogTemplates: () => {},
    addStatement: () => {},
  };
  const entries: RawEvent[] = [];
  for await (const event of source.read(textInput(doc.name, doc.text), ctx)) entries.push(event);
  return { entries, problems, statedZone: stated, date: date ?? firstDate(doc.text) };
}
