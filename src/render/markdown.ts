import type { List, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { GENERATED_MARK_MD } from '../model/index.js';
import type { Block, Inline, Postmortem } from '../report/index.js';
import { REF_MARK } from '../report/index.js';

export const anchorId = (ref: string) => `ref-${ref.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Text with `[[REF]]` marks as links to the timeline; the serialiser escapes whatever the evidence holds. */
function inline(text: Inline): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  text
    .replace(/\r?\n/g, ' ')
    .split(/\[\[([^\]]+?)\]\]/g)
    .forEach((part, i) => {
      if (i % 2)
        nodes.push({ type: 'link', url: `#${anchorId(part)}`, children: [{ type: 'text', value: part }] });
      else if (part) nodes.push({ type: 'text', value: part });
    });
  return nodes;
}

const paragraph = (children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const field = (label: string, value: Inline): PhrasingContent[] => [
  { type: 'strong', children: [{ type: 'text', value: `${label}:` }] },
  { type: 'text', value: ' ' },
  ...inline(value),
];

function list(items: PhrasingContent[][], ordered = false): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((children) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children }],
    })),
  };
}

function table(b: Extract<Block, { type: 'table' }>): Table {
  const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
  const rows = b.rows.map((row, i) => {
    const cells = row.map((value) => cell(inline(value)));
    // The anchor the timeline's refs link to: an empty HTML element, the one HTML the Markdown holds.
    if (b.anchors)
      cells[0].children.unshift({ type: 'html', value: `<a id="${anchorId(b.anchors[i])}"></a>` });
    return { type: 'tableRow' as const, children: cells };
  });
  return {
    type: 'table',
    align: b.columns.map(() => null),
    children: [{ type: 'tableRow', children: b.columns.map((c) => cell(inline(c))) }, ...rows],
  };
}

function block(b: Block): RootContent | null {
  switch (b.type) {
    case 'paragraph':
      return paragraph(inline(b.text));
    case 'list':
      return list(b.items.map(inline), b.ordered);
    case 'fields':
      return list(b.items.map(([label, value]) => field(label, value)));
    case 'table':
      return table(b);
    case 'chart':
      return null;
  }
}

/** The document as an mdast tree: title, meta line, then each section with blocks. */
export function toMdast(doc: Pick<Postmortem, 'title' | 'meta' | 'sections'>): Root {
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: inline(doc.title) },
    { type: 'html', value: GENERATED_MARK_MD },
  ];
  if (doc.meta.length)
    children.push(
      paragraph(
        doc.meta.flatMap(([label, value], i) => [
          ...(i ? [{ type: 'text' as const, value: ' · ' }] : []),
          ...field(label, value),
        ]),
      ),
    );
  for (const s of doc.sections) {
    const blocks = s.blocks.map(block).filter((b): b is RootContent => b !== null);
    if (blocks.length) children.push({ type: 'heading', depth: 2, children: inline(s.title) }, ...blocks);
  }
  return { type: 'root', children };
}

/**
 * Writes a postmortem document as GitHub-flavoured Markdown through mdast-util-to-markdown, so
 * evidence is escaped as Markdown escapes it (backslashes, never HTML entities) and table cells hold.
 */
export function renderMarkdown(doc: Pick<Postmortem, 'title' | 'meta' | 'sections'>): string {
  return toMarkdown(toMdast(doc), {
    extensions: [gfmToMarkdown({ tablePipeAlign: false })],
    bullet: '-',
    rule: '-',
    fences: true,
  });
}

export { REF_MARK };
