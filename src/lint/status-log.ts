import type { Root, RootContent, Table } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';

/**
 * An item's own label: letters and a number opening it, closed by a stop, a bracket or a space
 * ("A2. Add …", "INC-4 hash …", "B1) …"). A number alone is the list's numbering, not a label.
 */
const ITEM_LABEL = /^[^\p{L}\p{N}]{0,4}([A-Z]{1,5}-?\d{1,4})(?=[.):]?\s)/u;

/** The label an item opens with, or null. */
export function labelOf(text: string): string | null {
  return text.match(ITEM_LABEL)?.[1] ?? null;
}

/** A status column's header. */
const STATUS_HEADER = /^(?:status|state|outcome|result)$/i;

type Status = 'open' | 'in_progress' | 'done' | null;

function tables(nodes: readonly RootContent[] | Root['children']): Table[] {
  return nodes.flatMap((node) => {
    if (node.type === 'table') return [node];
    return 'children' in node ? tables(node.children as RootContent[]) : [];
  });
}

/**
 * The labels a table of statuses reports on, each with the line of its row and the status read
 * from its Status column (`read`): an implementation log after the action items ("| **A2.**
 * `ALLOWLIST` + default allowlist | **Done** |") tells which of them were carried out.
 */
export function labelledStatuses(
  tree: Root,
  read: (text: string) => Status,
): Map<string, { line: number; status: Status }> {
  const found = new Map<string, { line: number; status: Status }>();
  for (const table of tables(tree.children)) {
    const [head, ...rows] = table.children;
    const status = head.children.findIndex((c) => STATUS_HEADER.test(textOf(c).replace(/[*_`]/g, '').trim()));
    if (status < 0) continue;
    for (const row of rows) {
      const label = labelOf(textOf(row.children[0] ?? { type: 'text', value: '' }).trim());
      const cell = row.children[status];
      if (!label || !cell || status === 0) continue;
      found.set(label, { line: row.position?.start.line ?? 0, status: read(textOf(cell)) });
    }
  }
  return found;
}

interface Item {
  action: string;
  line: number;
  status: Status;
}

/**
 * Items a later table of statuses reports done by their label ("A2. Add …" open in the plan, "A2. … |
 * Done" in the implementation log below it): the work was carried out after the plan was written.
 * A label must open one item only; a status log before the item, or its own row, says nothing new.
 */
export function markDoneByLog<T extends Item>(tree: Root, items: T[], read: (text: string) => Status): void {
  const labels = items.map((i) => labelOf(i.action));
  if (!labels.some(Boolean)) return;
  const log = labelledStatuses(tree, read);
  if (!log.size) return;
  items.forEach((item, i) => {
    const label = labels[i];
    if (!label || labels.filter((l) => l === label).length > 1) return;
    const entry = log.get(label);
    if (entry && entry.line > item.line && entry.status === 'done') item.status = 'done';
  });
}

/** A ticket key's shape: "OPS-123", "INC-4". */
const KEY = /^[A-Z][A-Z\d]{1,9}-\d{1,6}$/;

/**
 * Keys the document gives its own findings: the labels opening the rows of a table outside the
 * action sections ("| INC-1 | High | **No champion rollback.** … |" under "Machinery gaps"). An
 * action item that names one ("INC-4 hash the calibrator", "(INC-1) demote v1") points back at the
 * finding it answers, not at a tracker that holds its date.
 */
export function ownKeys(tree: Root, inActions: (line: number) => boolean): Set<string> {
  const keys = new Set<string>();
  for (const table of tables(tree.children)) {
    if (inActions(table.position?.start.line ?? 0)) continue;
    for (const row of table.children.slice(1)) {
      const first = textOf(row.children[0] ?? { type: 'text', value: '' })
        .replace(/[*_`]/g, '')
        .trim();
      if (KEY.test(first)) keys.add(first);
    }
  }
  return keys;
}

/** The lines with the document's own keys blanked out, each to spaces of its length, so nothing else moves. */
export function withoutKeys(lines: string[], keys: Set<string>): string[] {
  if (!keys.size) return lines;
  return lines.map((line) =>
    line.replace(/\b[A-Z][A-Z\d]{1,9}-\d{1,6}\b/g, (key) => (keys.has(key) ? ' '.repeat(key.length) : key)),
  );
}
