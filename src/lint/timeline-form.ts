import type { RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { daysIn, readDayAt } from '../time/index.js';
import type { Section } from './sections.js';

/** A clock time as authors write one: "12:04", "0616", "3:45 PM". */
const CLOCK = /\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\b\d{4}-\d{2}-\d{2}[ T](?:[01]\d|2[0-3])[0-5]\d\b/;
const LINK = /https?:\/\//;

/**
 * How a Timeline section tells its events, as a reviewer sees it: `entries` (times, or a list, a
 * table or day headings of dated events), `linked` (no entries, a link to where they are), `prose`
 * (paragraphs of dated narrative with no time of day, which reviewers do not count as a timeline),
 * `note` (a word on the timeline with no dates) or `empty`.
 */
export function timelineForm(section: Section): 'entries' | 'linked' | 'prose' | 'note' | 'empty' {
  const nodes = section.nodes.filter((n) => n.type !== 'html' && n.type !== 'thematicBreak');
  const text = nodes.map((n) => textOf(n)).join('\n');
  if (CLOCK.test(text)) return 'entries';
  if (nodes.some(isEntryShape)) return 'entries';
  if (!text.trim()) return 'empty';
  // Prose with no entries that points elsewhere ("The full timeline is in [the issue](…)") is linked.
  if (nodes.some(hasLink)) return 'linked';
  // A note with no dates ("The timeline is not part of this version") is the author's word on it, not a story.
  return hasDate(text) ? 'prose' : 'note';
}

/** A date in a sentence: "September 5th", "5 May", "2022-01-28", "10/14/2022". */
const hasDate = (text: string) => !daysIn(text).next().done;

/** A paragraph that opens with its date ("10/14/2022 - A researcher …", "Aug 3: …"): an entry, not narrative. */
const opensWithDate = (text: string) =>
  readDayAt(text, text.length - text.replace(/^[*_\s]{0,4}/, '').length) != null;

/** A list, a table, a heading of its own (a day: "### August 15") or dated paragraphs: the events set out one by one. */
const isEntryShape = (node: RootContent) =>
  node.type === 'list' ||
  node.type === 'table' ||
  node.type === 'heading' ||
  (node.type === 'paragraph' &&
    ((node.children.length === 1 && node.children[0].type === 'strong') || opensWithDate(textOf(node))));

const hasLink = (node: RootContent): boolean =>
  (node.type === 'link' && LINK.test(node.url)) ||
  ('children' in node && node.children.some(hasLink)) ||
  LINK.test(textOf(node));
