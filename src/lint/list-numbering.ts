import type { List } from 'mdast';

/** The number an ordered list's next item would carry; null for a bulleted list. */
export function nextNumber(list: List): number | null {
  return list.ordered ? (list.start ?? 1) + list.children.length : null;
}

/**
 * An ordered list that picks up the numbering where an earlier one stopped ("2." under "### if
 * needed" after "1." under "### immediate"): one list told across subheadings, not a new one.
 */
export function continuesNumbering(list: List, next: number | null): boolean {
  return list.ordered === true && next !== null && next > 1 && list.start === next;
}
