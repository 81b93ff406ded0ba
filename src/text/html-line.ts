// A line of a Markdown document written in HTML (a blog post exported from a CMS: `<p><b>UPDATE 7 May
// 19:27 UTC</b> - Drives have been replaced …</p><p>…`), as the paragraphs a browser shows.
import { decodeEntities } from './entities.js';

/** Elements that end one rendered line and start the next. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
]);
/** Elements inside a line of text: their tags go, their text stays. */
const INLINE = new Set([
  'a',
  'b',
  'i',
  'u',
  's',
  'em',
  'strong',
  'span',
  'font',
  'code',
  'small',
  'big',
  'sub',
  'sup',
  'mark',
  'del',
  'ins',
  'time',
  'abbr',
  'img',
]);

const TAG_AT = /^<\/?([a-z][a-z0-9]{0,15})(?=[\s/>])/i;
const OPENS_WITH_TAG = /^\s{0,12}<\/?([a-z][a-z0-9]{0,15})(?=[\s/>])/i;

/** A paragraph or block closed and the next opened (`… web services. </p><p>At about 07:45 …`). */
const BLOCK_SEAM = /<\/(?:p|div|li|h[1-6]|blockquote|tr)>\s{0,3}<(?:p|div|li|h[1-6]|blockquote|tr|br)[\s/>]/i;

/**
 * True when a line is written in HTML: it opens with an element a browser renders (`<p>`, `<b>`,
 * `<div class=…>`), or a paragraph wrapped onto it ends there and the next begins. A line with code
 * in backticks (`` `</p><p>` ``) is Markdown that quotes HTML.
 */
export function isHtmlLine(text: string): boolean {
  const name = OPENS_WITH_TAG.exec(text)?.[1]?.toLowerCase();
  if (name !== undefined && (BLOCK.has(name) || INLINE.has(name))) return true;
  return !text.includes('`') && BLOCK_SEAM.test(text);
}

/**
 * The rendered text of an HTML line, one part per block (paragraph, list item, line break), its
 * inline tags removed and its character references decoded; an empty part stands where one block
 * ends and another begins (`</p><p>`), as a blank line does in Markdown, so a paragraph wrapped over
 * several source lines stays one paragraph and the next starts apart. One pass with indexOf: linear
 * in the line whatever its tags.
 */
export function htmlLineParts(text: string): string[] {
  return renderHtmlLine(text).parts;
}

/** Elements with no content: they never leave a block open. */
const VOID = new Set(['br', 'hr']);

/**
 * The rendered parts of an HTML line (as htmlLineParts), and whether the line ends inside a block
 * it opened (`</p><p> On August 27th, starting at`): its last text then runs on into the next line;
 * null when the line opens or closes no block (a line inside a paragraph).
 */
export function renderHtmlLine(text: string): { parts: string[]; open: boolean | null } {
  // Text as written between tags; null where a block ends or begins.
  const parts: (string | null)[] = [];
  let open: boolean | null = null;
  let current = '';
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      current += text.slice(i);
      break;
    }
    current += text.slice(i, lt);
    const name = TAG_AT.exec(text.slice(lt, lt + 20))?.[1]?.toLowerCase();
    if (!name || !(BLOCK.has(name) || INLINE.has(name))) {
      current += '<';
      i = lt + 1;
      continue;
    }
    const gt = text.indexOf('>', lt + 1);
    // No tag closes after this one: the rest is text as written.
    if (gt < 0) {
      current += text.slice(lt);
      break;
    }
    if (BLOCK.has(name)) {
      parts.push(current, null);
      current = '';
      if (!VOID.has(name)) open = text[lt + 1] !== '/';
    }
    i = gt + 1;
  }
  parts.push(current);
  const out: string[] = [];
  let boundary = false;
  for (const part of parts) {
    if (part === null) {
      boundary = true;
      continue;
    }
    const shown = decodeEntities(part).replace(/\s+/g, ' ').trim();
    if (!shown) continue;
    if (boundary) out.push('');
    boundary = false;
    out.push(shown);
  }
  if (boundary) out.push('');
  return { parts: out, open: open === null ? null : open && !boundary };
}
