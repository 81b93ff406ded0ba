import type { ListedItem } from '../action-items.js';

/** Items grouped by the list or table they sit in, in document order: one finding per list. */
export function byList(items: ListedItem[]): ListedItem[][] {
  const groups = new Map<number, ListedItem[]>();
  for (const item of items) {
    const group = groups.get(item.list);
    if (group) group.push(item);
    else groups.set(item.list, [item]);
  }
  // In the document's order: a list's title, read as an item after the list's own items, comes first.
  return [...groups.values()].map((group) => group.sort((a, b) => a.line - b.line));
}

export const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** "action item 'Add alert'" for one, "3 action items (lines 4, 6, 8)" for several. */
export function itemsNamed(items: ListedItem[]): string {
  if (items.length === 1) return `action item '${short(items[0].action)}'`;
  return `${items.length} action items in this list (lines ${items.map((i) => i.line).join(', ')})`;
}
