/** HTML's element names (WHATWG, with the common obsolete ones authors still write). */
const ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption center cite ' +
    'code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font ' +
    'footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main ' +
    'map mark menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ' +
    'ruby s samp script search section select slot small source span strike strong style sub summary sup svg table ' +
    'tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr'
  ).split(' '),
);
/** Attributes written without a value ("<details open>"). */
const BOOLEAN_ATTRIBUTES = new Set(
  'open disabled checked hidden selected required readonly multiple autofocus controls autoplay loop muted async defer novalidate allowfullscreen reversed'.split(
    ' ',
  ),
);
/** The first tag of a piece of raw HTML: its name and what follows the name. */
const FIRST_TAG = /^\s{0,3}<\/?([A-Za-z][A-Za-z0-9-]{0,40})([^<>]{0,500}?)\/?>/;

/**
 * True when raw HTML in Markdown is real markup (an element, a comment, a declaration), false for
 * an angle-bracketed slot a template left ("<fill in>", "<Team name>"), which Markdown also parses as a tag.
 * `closed` holds the element names the document closes ("</details>"): an element opened with words
 * no list knows ("<details markdown>", the attribute Markdown processors read) and closed later is
 * markup, while "<link to PR>" is never closed.
 */
export function isHtmlMarkup(value: string, closed: ReadonlySet<string> = new Set()): boolean {
  if (/^\s{0,3}<[!?]/.test(value)) return true;
  const tag = value.match(FIRST_TAG);
  if (!tag) return true;
  const name = tag[1].toLowerCase();
  // A custom element has a hyphen in its name; an unknown name is words in angle brackets.
  if (name.includes('-')) return true;
  if (!ELEMENTS.has(name)) return false;
  // Attributes carry values or are the known boolean ones: "<link to PR>" is words, not a link element.
  const bare = tag[2]
    .replace(/[\w:-]{1,40}\s{0,3}=\s{0,3}(?:"[^"]{0,400}"|'[^']{0,400}'|[^\s"'=<>`]{1,400})/g, ' ')
    .match(/[^\s/]+/g);
  if (!bare || bare.every((word) => BOOLEAN_ATTRIBUTES.has(word.toLowerCase()))) return true;
  return !value.trimStart().startsWith('</') && closed.has(name);
}

/** The element names a document's raw HTML closes: "</details>" closes details. */
export function closedElements(values: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const value of values)
    for (const m of value.matchAll(/<\/([A-Za-z][A-Za-z0-9-]{0,40})\s{0,3}>/g)) names.add(m[1].toLowerCase());
  return names;
}
