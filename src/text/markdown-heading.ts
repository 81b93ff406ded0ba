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
