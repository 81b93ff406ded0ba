// The manifest's `where` is SQL by nature; this keeps it inside the parentheses it is put in.

const FORBIDDEN_WORDS = /\b(select|format|settings|into|union|outfile)\b/i;

/**
 * Why `where` cannot be used as a filter, or null when it can: it must hold no `;`, no comment
 * (`--`, `#`, `/*`), no subquery or clause keyword (SELECT, FORMAT, SETTINGS, INTO, UNION) outside
 * quotes, and its quotes, parentheses and brackets must be closed. It is then wrapped in
 * parentheses and checked by the server (`LIMIT 0`) before the real query runs.
 */
export function whereProblem(
  where: string,
  { maxLength = 4000 }: { maxLength?: number } = {},
): string | null {
  if (!where.trim()) return 'is empty';
  if (where.length > maxLength) return `is longer than ${maxLength} characters`;
  const closers: string[] = [];
  let outside = '';
  for (let i = 0; i < where.length; i++) {
    const c = where[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = closingQuote(where, i);
      if (end < 0) return `has an unclosed ${c}`;
      outside += ' ';
      i = end;
      continue;
    }
    if (c === ';') return "holds ';' (one filter, not statements)";
    if (c === '#' || (c === '-' && where[i + 1] === '-') || (c === '/' && where[i + 1] === '*'))
      return 'holds a comment';
    if (c === '(' || c === '[') closers.push(c === '(' ? ')' : ']');
    else if (c === ')' || c === ']') {
      if (closers.pop() !== c) return `has an unbalanced '${c}'`;
    }
    outside += c;
  }
  if (closers.length) return `has an unclosed '${closers[closers.length - 1] === ')' ? '(' : '['}'`;
  const word = FORBIDDEN_WORDS.exec(outside);
  if (word) return `holds '${word[1].toUpperCase()}' (a filter only: no subquery or clause)`;
  return null;
}

/** Index of the quote closing the one at `start` (backslash escapes and doubled quotes), or -1. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (text[i + 1] !== quote) return i;
      i++;
    }
  }
  return -1;
}
