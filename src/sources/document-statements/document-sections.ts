import { markdownHeading } from '../../text/markdown-heading.js';

/** A line of a document with its 1-based number in the file. */
export interface DocumentLine {
  text: string;
  number: number;
}

/**
 * What the part of a document a line sits in is for: `title` is the first top-level heading,
 * `head` the prose before any other heading; the rest is named from the section's title.
 */
export type PartKind = 'title' | 'head' | 'summary' | 'cause' | 'impact' | 'timeline' | 'other';

export interface DocumentPart {
  kind: PartKind;
  /** The part's lines, headings excluded (the title part holds its heading's text alone). */
  lines: DocumentLine[];
}

const TOP_HEADING = /^\s{0,3}#\s/;
/** A line that is nothing but bold text, as many documents write their section titles. */
const BOLD_TITLE = /^\s{0,8}(?:\*\*|__)([^*_]{1,80}?)(?:\*\*|__)\s{0,8}:?\s{0,8}$/;

/** An ATX heading's title, at most 300 characters (a longer one is prose, not a title). */
function headingTitle(text: string): [string, string] | null {
  const title = markdownHeading(text)?.title;
  return title && title.length <= 300 ? [text, title] : null;
}
const FENCE = /^\s{0,3}(?:```|~~~)/;

/** Title words, most specific first: "Root cause and resolution" is about the cause. */
const KINDS: [PartKind, RegExp][] = [
  ['timeline', /\b(?:timeline|chronology|sequence of events|incident log|what happened)\b/i],
  ['cause', /\b(?:root[- ]causes?|causes?|why (?:it|did it) happen|what went wrong)\b/i],
  ['summary', /\b(?:summary|overview|tl;?dr|abstract|synopsis|description)\b/i],
  ['impact', /\b(?:impacts?|stats|statistics|metrics|key figures|duration)\b/i],
];

const kindOf = (title: string): PartKind => KINDS.find(([, re]) => re.test(title))?.[0] ?? 'other';

/**
 * A document cut into parts at its headings, code blocks left out (they quote logs, not the
 * author's words).
 * @example documentParts(lines).find((p) => p.kind === 'summary')
 */
export function documentParts(lines: DocumentLine[]): DocumentPart[] {
  const parts: DocumentPart[] = [{ kind: 'head', lines: [] }];
  let titled = false;
  let fenced = false;
  for (const line of lines) {
    if (FENCE.test(line.text)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const heading = headingTitle(line.text) ?? line.text.match(BOLD_TITLE);
    if (!heading) {
      parts[parts.length - 1].lines.push(line);
      continue;
    }
    const title = heading[1].replace(/[*_`]/g, '').trim();
    // The document's own title often states its cause: "Flux version bump causing downtime".
    if (!titled && TOP_HEADING.test(line.text) && parts.length === 1 && !parts[0].lines.some(hasText)) {
      titled = true;
      parts.push({ kind: 'title', lines: [{ text: title, number: line.number }] });
      parts.push({ kind: 'head', lines: [] });
      continue;
    }
    parts.push({ kind: kindOf(title), lines: [] });
  }
  return parts.filter((p) => p.lines.length);
}

const hasText = (line: DocumentLine) => line.text.trim() !== '' && !line.text.startsWith('---');

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;

/** Paragraphs and list items of a part (tables and quotes left out), each line without its list marker. */
export function blocksOf(lines: DocumentLine[]): DocumentLine[][] {
  const out: DocumentLine[][] = [];
  let current: DocumentLine[] = [];
  const close = () => {
    if (current.length) out.push(current);
    current = [];
  };
  for (const line of lines) {
    if (!line.text.trim() || /^\s*\|/.test(line.text) || /^\s*>/.test(line.text)) {
      close();
      continue;
    }
    if (LIST_ITEM.test(line.text)) close();
    current.push({ text: line.text.replace(LIST_ITEM, ''), number: line.number });
  }
  close();
  return out;
}
