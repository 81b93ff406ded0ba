// A whole HTML page (a postmortem saved from a blog or a CMS) as the lines a reader sees, written as
// Markdown: headings keep their level (`## Timeline`), list items are `- ` items, table rows are
// `| … |` rows under a separator, and what a browser does not show (the head, scripts, styles,
// comments) is gone. One pass with indexOf over the page: linear in its length whatever its tags.
import { decodeEntities } from './entities.js';

export interface PageLine {
  text: string;
  /** The page's line the text begins on. */
  number: number;
  /** Front matter told by what the page does not show (its publication day), not a shown line. */
  front?: true;
}

/** A page, not a Markdown document that holds some HTML: it opens with a doctype or `<html>`. */
export function isHtmlPage(sample: string): boolean {
  let i = 0;
  const lower = sample.slice(0, 4096).toLowerCase();
  for (;;) {
    while (i < lower.length && /\s|\ufeff/.test(lower[i])) i++;
    if (!lower.startsWith('<!--', i)) break;
    const end = lower.indexOf('-->', i + 4);
    if (end < 0) return false;
    i = end + 3;
  }
  return /^(?:<!doctype\s{1,5}html\b|<html[\s>])/.test(lower.slice(i, i + 20));
}

/** Elements whose content a browser does not show. */
const HIDDEN = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object']);
/** Elements that end one shown line and start the next. */
const BLOCK = new Set([
  'p',
  'div',
  'hr',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'details',
  'summary',
  'body',
  'html',
  'address',
]);
const HEADING = /^h([1-6])$/;
const TAG = /^<(\/?)([a-z][a-z0-9-]{0,30})(?=[\s/>])/;
/** An anchor's `href`, quoted or not. */
const HREF = /\shref\s{0,3}=\s{0,3}(?:"([^"]{0,2000})"|'([^']{0,2000})'|([^\s"'>]{1,2000}))/i;

/** The names a page gives its publication date under (OpenGraph, schema.org, Dublin Core, CMSs). */
const PUBLISHED = new Set([
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'dcterms.issued',
  'sailthru.date',
  'parsely-pub-date',
]);
const ATTRIBUTE = (name: string) =>
  new RegExp(String.raw`\s${name}\s{0,3}=\s{0,3}(?:"([^"]{0,300})"|'([^']{0,300})'|([^\s"'>]{1,300}))`, 'i');
const META_NAME = ATTRIBUTE('(?:property|name|itemprop)');
const META_CONTENT = ATTRIBUTE('content');
/** A schema.org block's `"datePublished": "2023-06-12T…"`. */
const LD_PUBLISHED = /"datepublished"\s{0,5}:\s{0,5}"(\d{4}-\d{2}-\d{2})/;
const ISO_DAY = /^\s*(\d{4}-\d{2}-\d{2})(?![\d])/;
/** The value an attribute pattern matched, however it was quoted. */
const attributeValue = (m: RegExpExecArray | null) => m?.slice(1).find((v) => v !== undefined);

/**
 * The day a page says it was published, from what a browser does not show: a `<meta>` tag
 * (`article:published_time`, `datePublished`, `date`…) or a schema.org block, with the offset it
 * is written at; null when the page states none. A blog post's date, as a Markdown post's front
 * matter gives it.
 */
export function publishedDay(page: string, lower: string): { date: string; at: number } | null {
  for (let at = lower.indexOf('<meta'); at >= 0; at = lower.indexOf('<meta', at + 5)) {
    const end = lower.indexOf('>', at);
    if (end < 0) break;
    const tag = page.slice(at, Math.min(end, at + 2000));
    const name = attributeValue(META_NAME.exec(tag))?.toLowerCase();
    const day =
      name && PUBLISHED.has(name) ? ISO_DAY.exec(attributeValue(META_CONTENT.exec(tag)) ?? '') : null;
    if (day) return { date: day[1], at };
    at = end - 4;
  }
  const ld = lower.indexOf('"datepublished"');
  const day = ld >= 0 ? LD_PUBLISHED.exec(lower.slice(ld, ld + 60)) : null;
  return day ? { date: day[1], at: ld } : null;
}

/**
 * The page's shown lines in Markdown's terms, each with the page line it begins on; an empty line
 * between blocks, as Markdown separates paragraphs. A page that states its publication day opens
 * with it as Markdown front matter (`date: 2023-06-12`) on the line that states it.
 */
export function htmlPageLines(page: string): PageLine[] {
  const out: PageLine[] = [];
  // ASCII lowercased only, so that every index in it is the same index in the page ("İ" would grow).
  const lower = page.replace(/[A-Z]/g, (c) => c.toLowerCase());
  // Newline offsets, to give each shown line the page line it begins on.
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (; counted < offset && counted < page.length; counted++) if (page.charCodeAt(counted) === 10) line++;
    return line;
  };
  const published = publishedDay(page, lower);
  if (published) {
    const number = page.slice(0, published.at).split('\n').length;
    for (const text of ['---', `date: ${published.date}`, '---']) out.push({ text, number, front: true });
  }
  let text = '';
  let textLine = 1;
  let pre = false;
  let row: string[] | null = null;
  let cell: string | null = null;
  let rowsInTable = 0;
  const links: string[] = [];
  // Whether the text gathered so far shows anything: where a shown line begins.
  let started = false;
  const add = (s: string, at: number) => {
    if (!started && s.trim()) {
      started = true;
      textLine = lineAt(at);
    }
    text += s;
  };
  const shown = (s: string) => decodeEntities(s).replace(/\s+/g, ' ').trim();
  const blank = () => {
    if (out.length && out[out.length - 1].text !== '') out.push({ text: '', number: textLine });
  };
  const flush = (gap: boolean) => {
    if (pre)
      for (const piece of decodeEntities(text).split('\n')) out.push({ text: piece, number: textLine });
    else {
      const s = shown(text);
      if (s) out.push({ text: s, number: textLine });
    }
    text = '';
    started = false;
    if (gap) blank();
  };
  const endCell = () => {
    if (row && cell !== null) row.push(shown(cell).replace(/\|/g, '\\|'));
    cell = null;
  };
  const endRow = () => {
    endCell();
    if (row?.length) {
      out.push({ text: `| ${row.join(' | ')} |`, number: textLine });
      if (++rowsInTable === 1)
        out.push({ text: `| ${row.map(() => '---').join(' | ')} |`, number: textLine });
    }
    row = null;
  };
  // Where the next ">" is, found once: a page of "<" with no ">" stays linear.
  let gtAt = -1;
  const gtFrom = (from: number) => {
    if (gtAt !== Number.POSITIVE_INFINITY && gtAt < from) {
      const found = lower.indexOf('>', from);
      gtAt = found < 0 ? Number.POSITIVE_INFINITY : found;
    }
    return gtAt === Number.POSITIVE_INFINITY ? -1 : gtAt;
  };
  let i = 0;
  while (i < page.length) {
    const lt = page.indexOf('<', i);
    const chunk = page.slice(i, lt < 0 ? page.length : lt);
    if (cell !== null) cell += chunk;
    else if (chunk) add(chunk, i);
    if (lt < 0) break;
    if (lower.startsWith('<!--', lt)) {
      const end = lower.indexOf('-->', lt + 4);
      i = end < 0 ? page.length : end + 3;
      continue;
    }
    if (lower.startsWith('<!', lt) || lower.startsWith('<?', lt)) {
      const end = gtFrom(lt);
      i = end < 0 ? page.length : end + 1;
      continue;
    }
    const tag = TAG.exec(lower.slice(lt, lt + 34));
    const gt = tag ? gtFrom(lt) : -1;
    if (!tag || gt < 0) {
      // Not a tag: a "<" as written.
      if (cell !== null) cell += '<';
      else add('<', lt);
      i = lt + 1;
      continue;
    }
    const [, closing, name] = tag;
    i = gt + 1;
    if (HIDDEN.has(name) && !closing && lower[gt - 1] !== '/') {
      const end = lower.indexOf(`</${name}`, gt);
      const after = end < 0 ? -1 : gtFrom(end);
      i = after < 0 ? page.length : after + 1;
      continue;
    }
    if (name === 'a') {
      // A link keeps where it points, as Markdown writes it: a tracker's issue, a status page.
      const put = (s: string) => {
        if (cell !== null) cell += s;
        else add(s, lt);
      };
      if (!closing) {
        const href = attributeValue(HREF.exec(page.slice(lt, gt))) ?? '';
        const kept = /^(?:https?:|mailto:|\/)/i.test(href) ? href : '';
        links.push(kept);
        if (kept) put('[');
      } else {
        const href = links.pop();
        if (href) put(`](${href})`);
      }
      continue;
    }
    if (row && (name === 'td' || name === 'th')) {
      endCell();
      if (!closing) cell = '';
      continue;
    }
    if (name === 'tr') {
      if (!closing) {
        flush(false);
        endRow();
        row = [];
        textLine = lineAt(lt);
      } else endRow();
      continue;
    }
    if (name === 'table') {
      flush(true);
      endRow();
      rowsInTable = 0;
      blank();
      continue;
    }
    if (cell !== null) {
      // Inside a cell, a line break reads as the break the table source writes (`<br>`).
      if (name === 'br') cell += '<br>';
      else if (BLOCK.has(name)) cell += ' ';
      continue;
    }
    const heading = HEADING.exec(name);
    if (heading) {
      flush(true);
      if (!closing) add(`${'#'.repeat(Number(heading[1]))} `, lt);
      continue;
    }
    if (name === 'li') {
      flush(false);
      if (!closing) add('- ', lt);
      continue;
    }
    if (name === 'br') {
      flush(false);
      continue;
    }
    if (name === 'pre') {
      flush(true);
      pre = !closing;
      continue;
    }
    // A list item's marker stays with the paragraph it opens (`<li><p>16:58 UTC - …</p></li>`).
    if (BLOCK.has(name) && !/^\s*-\s*$/.test(text)) flush(true);
    // Any other element is inline: its tags go, its text stays.
  }
  flush(false);
  endRow();
  while (out.length && out[out.length - 1].text === '') out.pop();
  return out;
}

const isTableLine = (text: string) => text.startsWith('| ');

/**
 * The page as Markdown text whose lines stand, as far as they can, on the page lines they came
 * from, so that what cites a line of it cites the page's: a block starts on its page line (blank
 * lines fill the gap), except a table's rows, which stay together as Markdown needs them.
 */
export function pageAsMarkdown(page: string): string {
  const out: string[] = [];
  // A blank line between blocks is owed before the next block, unless padding has given one or
  // Markdown needs none there.
  let gap = false;
  for (const { text, number, front } of htmlPageLines(page)) {
    // Front matter opens the document, whatever line of the head states it.
    if (front) {
      out.push(text);
      continue;
    }
    if (!text) {
      gap = true;
      continue;
    }
    const inTable = isTableLine(text) && isTableLine(out[out.length - 1] ?? '');
    if (!inTable) while (out.length < number - 1) out.push('');
    const last = out[out.length - 1] ?? '';
    // Headings, and a list opening after other text, need no blank line to stand apart.
    const apart =
      text.startsWith('#') || last.startsWith('#') || (text.startsWith('- ') && !last.startsWith('- '));
    if (gap && last !== '' && !apart) out.push('');
    gap = false;
    out.push(text);
  }
  return out.join('\n');
}
