/** A line that opens or closes a fenced code block. */
const FENCE = /^\s{0,3}(?:```|~~~)/;

/**
 * The lines outside fenced code blocks, each with its 1-based number: a pasted log or listing is
 * quoted evidence, not the author's timeline or fields.
 * @example [...unfencedLines(['a', '```', 'b', '```', 'c'])] // [{ line: 1, text: 'a' }, { line: 5, text: 'c' }]
 */
export function* unfencedLines(lines: readonly string[]): Generator<{ line: number; text: string }> {
  let fenced = false;
  for (const [i, text] of lines.entries()) {
    if (FENCE.test(text)) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) yield { line: i + 1, text };
  }
}
