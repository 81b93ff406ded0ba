// HTML character references, as HTML pages and Markdown documents write them.

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

/**
 * Text with its HTML character references decoded (`&lt;` → `<`, `&#8217;` → `’`), as a browser or a
 * Markdown renderer shows it. Each `&` starts at most one bounded match, so this is linear.
 */
export const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]{1,8}|#[0-9]{1,8}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1].toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
