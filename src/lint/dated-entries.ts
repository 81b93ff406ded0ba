import type { RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { isoDay, readDayAt } from '../time/index.js';
import type { Section } from './sections.js';

/** A timeline entry that opens with its full date and tells no time of day: "| 2021-12-01 | Report … |". */
export interface DatedEntry {
  line: number;
  /** YYYY-MM-DD. */
  day: string;
}

/** The full date a text opens with (a year written), as YYYY-MM-DD, else null. */
function openingDay(text: string): string | null {
  const at = text.length - text.replace(/^[*_\s]{0,4}/, '').length;
  const found = readDayAt(text, at);
  return found && found.day.year !== null ? isoDay(found.day) : null;
}

/**
 * The entries of a Timeline section told by day only, in the order written: a table's rows by their
 * first cell, a list's items, day headings. Entries without a full date are left out.
 */
export function datedEntries(section: Section): DatedEntry[] {
  const out: DatedEntry[] = [];
  const add = (node: RootContent, text: string) => {
    const day = openingDay(text);
    if (day && node.position) out.push({ line: node.position.start.line, day });
  };
  for (const node of section.nodes) {
    if (node.type === 'table')
      for (const row of node.children.slice(1)) add(row, row.children[0] ? textOf(row.children[0]) : '');
    else if (node.type === 'list') for (const item of node.children) add(item, textOf(item));
    else if (node.type === 'heading' || node.type === 'paragraph') add(node, textOf(node));
  }
  return out;
}

/** Entries whose day is before the day of the entry listed above them. */
export function daysOutOfOrder(entries: DatedEntry[]): { entry: DatedEntry; before: DatedEntry }[] {
  return entries
    .slice(1)
    .flatMap((entry, i) => (entry.day < entries[i].day ? [{ entry, before: entries[i] }] : []));
}
