/** An ATX heading's level and title. */
export interface MarkdownHeading {
  level: number;
  title: string;
}

const ATX_OPEN = /^[ \t]{0,3}(#{1,6})(?:[ \t]+|$)/;

/**
 * Reads an ATX heading ("## Timeline ##") as CommonMark does: up to six #s, then a space; the
 * closing #s are dropped when a space precedes them. A plain scan, so no line can make it backtrack.
 * @example markdownHeading('### 14:05 UTC ###') // { level: 3, title: '14:05 UTC' }
 */
export function markdownHeading(line: string): MarkdownHeading | null {
  const open = line.match(ATX_OPEN);
  if (!open) return null;
  let end = line.length;
  while (end > open[0].length && isBlank(line[end - 1])) end--;
  let hashes = end;
  while (hashes > open[0].length && line[hashes - 1] === '#') hashes--;
  // "## C#" keeps its #; "## Title ##" and "## ##" drop the closing run.
  if (hashes < end && (hashes === open[0].length || isBlank(line[hashes - 1]))) end = hashes;
  const title = line.slice(open[0].length, end).trim();
  return title ? { level: open[1].length, title } : null;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** A setext heading's underline: `===` for level 1, `---` (two or more) for level 2. */
const SETEXT_UNDERLINE = /^ {0,3}(=+|-{2,})[ \t]*$/;
/** What a one-line paragraph cannot open with: a heading, a list item, a table, a quote, a fence, HTML. */
const NOT_PARAGRAPH = /^ {0,3}(?:#|[-*+][ \t]|\d{1,9}[.)][ \t]|\||>|`{3}|~{3}|<)|^ {4}/;

/**
 * Lines with each setext heading ("Timeline" over "--------") written as the ATX heading it renders
 * as ("## Timeline"), its underline left blank so every line keeps its number. Only a one-line
 * paragraph (a blank line or the start above it) is read as a title, and nothing inside a code
 * fence or before `from` (front matter, whose closing `---` follows a line of its own).
 * @example atxFromSetext(['Timeline', '--------']) // ['## Timeline', '']
 */
export function atxFromSetext(lines: readonly string[], from = 0): string[] {
  const out = [...lines];
  let fence: string | null = null;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i];
    const marker = text.match(/^ {0,3}(`{3,}|~{3,})/)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker.slice(0, 3) : null;
      continue;
    }
    if (fence !== null || i + 1 >= lines.length || !text.trim()) continue;
    if (i > from && lines[i - 1].trim()) continue;
    const underline = lines[i + 1].match(SETEXT_UNDERLINE);
    if (!underline || NOT_PARAGRAPH.test(text)) continue;
    out[i] = `${underline[1][0] === '=' ? '#' : '##'} ${text.trim()}`;
    out[i + 1] = '';
    i++;
  }
  return out;
}
