/** A field set by its bold label, opening a line or list item: "**Duration:** 12:24 to 09:30", "- **Severity**: high". */
const BOLD_FIELD =
  /^\s{0,3}(?:[-*+]\s{1,4})?(?:\*\*|__)([^*_\n]{1,40}?)(?::\s{0,2}(?:\*\*|__)|(?:\*\*|__)\s{0,2}:)/;

/**
 * The label of the field a line opens with, when it opens with one set in bold.
 * @example boldFieldLabel('- **Severity**: high') // 'Severity'
 */
export function boldFieldLabel(line: string): string | null {
  return line.match(BOLD_FIELD)?.[1] ?? null;
}
