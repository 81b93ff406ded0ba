// Wiki exports (Confluence, MediaWiki) are HTML; turning them into Markdown lets one reader serve both.

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

const decodeEntities = (text: string) =>
  text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1].toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

export const looksLikeHtml = (text: string) =>
  /^\s*(<!doctype html|<html|<body|<div|<h[1-6][\s>])/i.test(text);

const inline = (html: string) =>
  decodeEntities(
    html
      .replace(/<(strong|b)\b[^>]*>(.*?)<\/\1>/gis, '**$2**')
      .replace(/<(em|i)\b[^>]*>(.*?)<\/\1>/gis, '_$2_')
      .replace(/<code\b[^>]*>(.*?)<\/code>/gis, '`$1`')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );

/** Headings, paragraphs, lists and tables of an HTML page as Markdown; everything else as text. */
export function htmlToMarkdown(html: string): string {
  const body = html.replace(/<(script|style|head)\b[^>]*>.*?<\/\1>/gis, '');
  const blocks: string[] = [];
  const pattern =
    /<h([1-6])\b[^>]*>(.*?)<\/h\1>|<li\b[^>]*>(.*?)<\/li>|<tr\b[^>]*>(.*?)<\/tr>|<p\b[^>]*>(.*?)<\/p>|<pre\b[^>]*>(.*?)<\/pre>/gis;
  let headerDone = false;
  for (const m of body.matchAll(pattern)) {
    if (m[1]) blocks.push(`\n${'#'.repeat(Number(m[1]))} ${inline(m[2])}\n`);
    else if (m[3] != null) blocks.push(`- ${inline(m[3])}`);
    else if (m[4] != null) {
      const cells = [...m[4].matchAll(/<t([hd])\b[^>]*>(.*?)<\/t\1>/gis)].map((c) =>
        inline(c[2]).replace(/\|/g, '\\|'),
      );
      blocks.push(`| ${cells.join(' | ')} |`);
      if (!headerDone || /<th\b/i.test(m[4])) {
        blocks.push(`| ${cells.map(() => '---').join(' | ')} |`);
        headerDone = true;
      }
    } else if (m[5] != null) blocks.push(`\n${inline(m[5])}\n`);
    else if (m[6] != null) blocks.push(`\n\`\`\`\n${decodeEntities(m[6].replace(/<[^>]+>/g, ''))}\n\`\`\`\n`);
    if (!m[4]) headerDone = false;
  }
  return blocks
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
