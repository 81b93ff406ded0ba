import type { Block, Inline, Postmortem } from '../report/index.js';
import { REF_MARK } from '../report/index.js';

export const anchorId = (ref: string) => `ref-${ref.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Markdown-safe text with `[[REF]]` marks turned into links to the timeline. */
function inline(text: Inline): string {
  // Entities, not backslashes: no raw angle bracket from evidence survives in the Markdown source.
  const escaped = text
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/([*`|])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
  return escaped.replace(/\[\[([^\]]+?)\]\]/g, (_, r: string) => `[${r}](#${anchorId(r)})`);
}

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return inline(b.text);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inline(item)}`).join('\n');
    case 'fields':
      return b.items.map(([label, value]) => `- **${inline(label)}:** ${inline(value)}`).join('\n');
    case 'table': {
      const head = `| ${b.columns.map(inline).join(' | ')} |\n|${b.columns.map(() => ' --- |').join('')}`;
      const rows = b.rows.map((row, i) => {
        const cells = row.map(inline);
        if (b.anchors) cells[0] = `<a id="${anchorId(b.anchors[i])}"></a>${cells[0]}`;
        return `| ${cells.join(' | ')} |`;
      });
      return [head, ...rows].join('\n');
    }
    case 'chart':
      return '';
  }
}

/** Writes a postmortem document as GitHub-flavoured Markdown: its title, meta line and sections. */
export function renderMarkdown(doc: Pick<Postmortem, 'title' | 'meta' | 'sections'>): string {
  const head = [`# ${inline(doc.title)}`, ''];
  const meta = doc.meta.map(([label, value]) => `**${inline(label)}:** ${inline(value)}`);
  if (meta.length) head.push(meta.join(' · '), '');
  const body = doc.sections.flatMap((s) => {
    const blocks = s.blocks.map(block).filter(Boolean);
    return blocks.length ? [`## ${inline(s.title)}`, '', ...blocks.flatMap((b) => [b, ''])] : [];
  });
  return `${[...head, ...body].join('\n').trimEnd()}\n`;
}

export { REF_MARK };
