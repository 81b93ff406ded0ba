/** Words templates put in brackets for the author to replace. */
const WORDS =
  /^(date|dates|names?|owner|team|link|url|number|percentage|time|start time|end time|duration|service|title|description|x|y|n|yes\/no|draft\/final|p0\/p1\/p2|if applicable|insert .*|tbd|todo|.*\.\.\.)$/i;
/** Template tokens: YYYY-MM-DD, NNNN, HH:mm, 20xx. */
const TOKENS = /\b(YYYY|MM-DD|DD-MM|NNNN|HH:mm|20xx|XXX+)\b/;
/** Instructions in brackets: "[2-3 sentence summary of what happened]" (template words, not a quoted setting). */
const INSTRUCTION = /^[\d-]*\s*[A-Z]?[a-z]+( [a-z-]+){2,}/;
const TEMPLATE_WORD =
  /\b(summary|description|describe|explanation|explain|details?|insert|list|link|here|goes|todo|fill|replace|e\.g)\b/i;

/** A template's slot written in capitals, two or more slot words: "ISSUE NAME", "DATE RANGE", "SERVICE NAME". */
const SLOT_WORD =
  '(?:ISSUE|INCIDENT|SERVICE|TEAM|OWNER|DATE|TIME|START|END|RANGE|NAME|TITLE|DESCRIPTION|SUMMARY|LINK|URL|NUMBER|DURATION)';
const SLOT = new RegExp(`\\b${SLOT_WORD}(?:[ _]${SLOT_WORD}){1,3}\\b`, 'g');

/** True when bracketed or bare text is a template placeholder rather than a value. */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  const inner = t.replace(/^\[(.*)\]$/, '$1').trim();
  if (/^(tbd|todo|tba|n\/a|\?+|-|…|\.\.\.)$/i.test(inner)) return true;
  return (
    WORDS.test(inner) ||
    TOKENS.test(inner) ||
    (t.startsWith('[') && INSTRUCTION.test(inner) && TEMPLATE_WORD.test(inner))
  );
}

/** Where a field's value starts and ends: a table cell, a list's comma, brackets. */
const CLAUSE_EDGE = /[|,;()]/;
/** A field's name before its value: "Owner:", "status", "**Due**:" (two words at most, no verb). */
const FIELD_NAME = /^[\s*_>#-]*(?:\[[ xX]\]\s*)?(?:[\p{L}][\p{L}\d/_*-]{0,30}\s?){0,2}[*_]*:?[\s*_]*$/u;
const SENTENCE_VERB = /\b(?:is|are|was|were|be|been|will|remains?)\b/i;

/**
 * True when a bare TBD/TBA is the whole value of a field, cell or item ("Owner: TBD", "| TBD |"),
 * as a template leaves it; the author's own "TBA: the problem will remain until …" or "(what 'high'
 * means is TBD)" says something, and is no leftover.
 */
function standsAsValue(line: string, at: number, length: number): boolean {
  let start = at;
  while (start > 0 && !CLAUSE_EDGE.test(line[start - 1])) start--;
  let end = at + length;
  while (end < line.length && !CLAUSE_EDGE.test(line[end])) end++;
  const before = line.slice(start, at).replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s/, ' ');
  const after = line.slice(at + length, end);
  return /^[\s.!*_]*$/.test(after) && FIELD_NAME.test(before) && !SENTENCE_VERB.test(before);
}

export interface PlaceholderHit {
  text: string;
  column: number;
}

/** Placeholders on a line: `[Date]`, `[Name]`, `YYYY-MM-DD`, `HH:mm`, `TBD`, "Lorem ipsum"; links and checkboxes excluded. */
export function placeholdersIn(line: string): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  for (const m of line.matchAll(/\\?\[([^\]\n]{1,80}?)\\?\](?!\(|\[|:)/g)) {
    if (/^[ xX]$/.test(m[1]) || line[m.index! - 1] === '!') continue;
    if (isPlaceholder(`[${m[1]}]`)) hits.push({ text: m[0], column: m.index! });
  }
  const bracketFree = line.replace(/\[[^\]]*\]/g, (s) => ' '.repeat(s.length));
  for (const m of bracketFree.matchAll(
    /\b(TBD|TBA|YYYY-MM-DD|20xx-MM-DD|HH:mm|HH:MM|hh:mm|[Ll]orem ipsum)\b/g,
  ))
    if (!/^TB[DA]$/.test(m[0]) || standsAsValue(bracketFree, m.index!, m[0].length))
      hits.push({ text: m[0], column: m.index! });
  for (const m of bracketFree.matchAll(SLOT)) {
    const before = bracketFree.slice(Math.max(0, m.index! - 12), m.index!);
    const after = bracketFree.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
    // A slot stands apart: "## Timeline (PST) DATE RANGE", not inside a sentence written in capitals.
    if (!/[A-Z]{2,}\s{0,2}$/.test(before) && !/^\s{0,2}[A-Z]{2,}/.test(after))
      hits.push({ text: m[0], column: m.index! });
  }
  return hits.sort((a, b) => a.column - b.column);
}
