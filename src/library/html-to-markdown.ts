// Wiki exports (Confluence, MediaWiki) are HTML; turning them into Markdown lets one reader serve both.
// One pass over the tags with indexOf, so time is linear in the page whatever its tags or nesting.
import { decodeEntities } from '../text/entities.js';

export const looksLikeHtml = (text: string) =>
  /^\s*(<!doctype html|<html|<body|<div|<h[1-6][\s>])/i.test(text);

type Token = { text: string } | { tag: string; closing: boolean };

const TAG_NAME = /^<(\/?)([a-z][a-z0-9]{0,30})/i;
/** Elements whose content is never text. */
const HIDDEN = new Set(['script', 'style', 'head']);

/** Text and tags in order; comments and script, style and head content are left out. */
function* tokens(html: string): Generator<Token> {
  // An element whose close tag was not found once has none further on: never search again.
  const unclosed = new Set<string>();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      yield { text: html.slice(i) };
      return;
    }
    if (lt > i) yield { text: html.slice(i, lt) };
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) return;
      i = end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      yield { text: html.slice(lt) };
      return;
    }
    const m = TAG_NAME.exec(html.slice(lt, Math.min(gt + 1, lt + 34)));
    const tag = m ? m[2].toLowerCase() : '';
    i = gt + 1;
    if (m && !m[1] && HIDDEN.has(tag) && !unclosed.has(tag)) {
      const close = new RegExp(`</${tag}\\b`, 'gi');
      close.lastIndex = i;
      const found = close.exec(html);
      if (found) {
        const end = html.indexOf('>', found.index);
        i = end < 0 ? html.length : end + 1;
        continue;
      }
      unclosed.add(tag);
    }
    yield { tag, closing: Boolean(m?.[1]) };
  }
}

const MARKS: Record<string, string> = { strong: '**', b: '**', em: '_', i: '_', code: '`' };

/** Inline text of one block or cell: emphasis and code marked where both tags are present. */
class InlineText {
  private readonly parts: string[] = [];
  private readonly open = new Map<string, number[]>();

  text(text: string) {
    this.parts.push(text);
  }

  tag(tag: string, closing: boolean) {
    if (tag === 'br') return this.parts.push(' ');
    const mark = MARKS[tag];
    if (!mark) return;
    const opened = this.open.get(tag) ?? [];
    this.open.set(tag, opened);
    if (!closing) {
      opened.push(this.parts.length);
      this.parts.push('');
      return;
    }
    const at = opened.pop();
    if (at == null) return;
    this.parts[at] = mark;
    this.parts.push(mark);
  }

  raw = () => this.parts.join('');
  inline = () => decodeEntities(this.raw().replace(/\s+/g, ' ').trim());
}

const HEADING = /^h[1-6]$/;
const BLOCK_TAGS = new Set(['li', 'tr', 'p', 'pre']);

interface Block {
  tag: string;
  body: InlineText;
  cells: { tag: string; body: InlineText }[];
  cell: { tag: string; body: InlineText } | null;
}

/** Headings, paragraphs, lists and tables of an HTML page as Markdown; everything else as text. */
export function htmlToMarkdown(html: string): string {
  const blocks: string[] = [];
  let headerDone = false;
  let block: Block | null = null;
  const emit = (b: Block) => {
    if (HEADING.test(b.tag)) blocks.push(`\n${'#'.repeat(Number(b.tag[1]))} ${b.body.inline()}\n`);
    else if (b.tag === 'li') blocks.push(`- ${b.body.inline()}`);
    else if (b.tag === 'p') blocks.push(`\n${b.body.inline()}\n`);
    else if (b.tag === 'pre') blocks.push(`\n\`\`\`\n${decodeEntities(b.body.raw())}\n\`\`\`\n`);
    else {
      const cells = b.cells.map((c) => c.body.inline().replace(/\|/g, '\\|'));
      blocks.push(`| ${cells.join(' | ')} |`);
      if (!headerDone || b.cells.some((c) => c.tag === 'th')) {
        blocks.push(`| ${cells.map(() => '---').join(' | ')} |`);
        headerDone = true;
      }
      return;
    }
    headerDone = false;
  };
  for (const token of tokens(html)) {
    if ('text' in token) {
      if (block?.tag === 'tr') block.cell?.body.text(token.text);
      else block?.body.text(token.text);
      continue;
    }
    const { tag, closing } = token;
    if (!block) {
      if (!closing && (HEADING.test(tag) || BLOCK_TAGS.has(tag)))
        block = { tag, body: new InlineText(), cells: [], cell: null };
    } else if (closing && tag === block.tag) {
      emit(block);
      block = null;
    } else if (block.tag === 'tr') {
      if (!closing && (tag === 'td' || tag === 'th')) {
        block.cell = { tag, body: new InlineText() };
        block.cells.push(block.cell);
      } else if (closing && tag === block.cell?.tag) block.cell = null;
      else block.cell?.body.tag(tag, closing);
    } else if (block.tag !== 'pre') block.body.tag(tag, closing);
  }
  // A block left open at the end of the page still holds text worth keeping.
  if (block) emit(block);
  return blocks
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
