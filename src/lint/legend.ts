import type { List, RootContent, Table } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';

/** An item that opens with a short term and a gloss after a dash or colon: "P0 - Critical for …", "Detect: …". */
const GLOSSED = /^\s{0,3}([^\s:–—-][^:–—-]{0,24}?)\s{0,3}(?:\s[-–—]|:)\s{1,3}\S/;

/** The values written in the body cells of a section's tables, as a reader compares them ("p0", "prevent"). */
export function tableValues(nodes: RootContent[]): Set<string> {
  const values = new Set<string>();
  for (const table of nodes.filter((n): n is Table => n.type === 'table'))
    for (const row of table.children.slice(1))
      for (const cell of row.children) {
        const value = textOf(cell).trim().toLowerCase();
        if (value) values.add(value);
      }
  return values;
}

/**
 * A list that explains the values a table beside it uses (its types "Prevent - …", its priorities
 * "P0 - Critical for …"): every item glosses a term that is a value of the table's cells. It is the
 * table's key, not items of work.
 */
export function isLegend(list: List, values: Set<string>): boolean {
  if (!values.size || !list.children.length) return false;
  return list.children.every((item) => {
    const term = textOf(item).match(GLOSSED)?.[1]?.trim().toLowerCase();
    return term !== undefined && values.has(term);
  });
}
