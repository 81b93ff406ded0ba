import type { List, Nodes } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import type { PostmortemDocument } from './parse.js';
import type { NumberedLine } from './prose.js';

/** An item that is a few words and a counter, nothing else: "Item A", "Step 2". */
const COUNTED = /^(\p{L}[\p{L} ]{0,30}?)\s{1,3}([A-Z]|\d{1,2})$/u;

/** The counter's place in its sequence: "A" → 0, "3" → 2. */
const rank = (counter: string) => (/\d/.test(counter) ? Number(counter) - 1 : counter.charCodeAt(0) - 65);

/**
 * A list whose items are the same words counted off ("Item A", "Item B", "Item C"): a template's
 * sample list, saying nothing but how many items go there.
 */
function isSampleList(list: List): boolean {
  if (list.children.length < 2) return false;
  const parts = list.children.map((item) => textOf(item).trim().match(COUNTED));
  if (parts.some((m) => !m)) return false;
  const stem = parts[0]![1].toLowerCase();
  return parts.every((m, i) => m![1].toLowerCase() === stem && rank(m![2]) === i);
}

/** The lines of the template's sample lists left in, each item's text as written. */
export function sampleListLines(doc: PostmortemDocument): NumberedLine[] {
  const out: NumberedLine[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'list' && isSampleList(node))
      for (const item of node.children)
        if (item.position) out.push({ line: item.position.start.line, text: textOf(item).trim() });
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(doc.tree);
  return out;
}
