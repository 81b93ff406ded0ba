import { isHtmlMarkup } from './html-markup.js';
import { nlp } from './nlp.js';

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
  if (/^(tbd|todo|tba|tbc|n\/a|\?+|-|…|\.\.\.)$/i.test(inner)) return true;
  return (
    WORDS.test(inner) ||
    TOKENS.test(inner) ||
    (t.startsWith('[') && INSTRUCTION.test(inner) && TEMPLATE_WORD.test(inner))
  );
}

/** A date, then a letter or two where its time of day goes, then the entry: "2022-02-02 X: …". */
const TIME_LETTER = /\b\d{4}-\d{2}-\d{2}\s{1,3}([Xx]{1,2})(?=\s{0,2}[:-]\s)/g;

/** Words in angle brackets, not glued to a word before ("Array<T>" is a type, not a slot). */
const ANGLE_SLOT = /(?<![\w<])<([A-Za-z][^<>\n]{0,60})>/g;

/** Where a field's value starts and ends: a table cell, a list's comma, brackets. */
const CLAUSE_EDGE = /[|,;()]/;
/** A field's name before its value: "Owner:", "status", "**Due**:" (two words at most, no verb). */
const FIELD_NAME = /^[\s*_>#-]*(?:\[[ xX]\]\s*)?(?:[\p{L}][\p{L}\d/_*-]{0,30}\s?){0,2}[*_]*:?[\s*_]*$/u;
const SENTENCE_VERB = /\b(?:is|are|was|were|be|been|will|remains?)\b/i;
/** A value already written where a field's name would stand: "n/a **TODO**" is a status after the value. */
const WRITTEN_VALUE = /^[\s*_]*(?:n\/?a|none|nil|null|-)[\s*_]*$/i;

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
  return (
    /^[\s.!*_]*$/.test(after) &&
    FIELD_NAME.test(before) &&
    !SENTENCE_VERB.test(before) &&
    !WRITTEN_VALUE.test(before)
  );
}

/** What goes in a template's slot: one kind is one thing to fill in, however many slots repeat it. */
export type SlotKind = 'date' | 'figure' | 'name' | 'choice' | 'instruction' | 'link' | 'value' | 'text';

/** Date and time tokens by their shape: YYYY-MM-DD, DD/MM, HH:mm, 20xx. */
const DATE_SHAPE = /\b(?:Y{2,4}|MM|DD|HH|hh|mm|ss|20xx)\b/;
/** A figure by its shape: a lone letter (X, N), NNNN or XXX, N%. */
const FIGURE_SHAPE = /^(?:[A-Za-z]|N{2,8}|X{2,8}|[NXY]\s?%)$/;
/** Alternatives to pick from: YES/NO, P0/P1/P2, draft/final. */
const CHOICE_SHAPE = /[\p{L}\d]\/[\p{L}\d]/u;
/** The word that names what goes in the slot; the leftmost decides ("[Number of users affected]" is a figure). */
const SLOT_WORDS =
  /\b(?:(?<date>dates?|days?|times?|timestamp|when|start|end|range|deadline|due|month|year|week)|(?<figure>numbers?|count|percent(?:age)?|amount|duration|hours?|minutes?|total|size|how many)|(?<name>names?|owners?|person|people|team|who|assignee|responders?|engineers?|author|contact|service|title|lead|commander)|(?<choice>if applicable|if any|optional|yes|no)|(?<link>links?|urls?|href|uri)|(?<instruction>describe|description|summary|summari[sz]e|explain|explanation|details?|list|insert|fill|add|write|replace|e\.g|example))\b/i;

/**
 * The kind of a placeholder, from the words inside it and its shape; a bare TBD takes its kind from
 * the field it fills ("Owner: TBD" is a name). Unknown words: three or more are an instruction, fewer a value.
 */
export function slotKind(text: string, field = ''): SlotKind {
  const inner = text
    .replace(/\\/g, '')
    .trim()
    .replace(/^[[<]/, '')
    .replace(/[\]>]$/, '')
    .trim();
  if (/^(?:lorem(?: ipsum)?|ipsum)$/i.test(inner)) return 'text';
  if (DATE_SHAPE.test(inner)) return 'date';
  if (FIGURE_SHAPE.test(inner)) return 'figure';
  if (CHOICE_SHAPE.test(inner)) return 'choice';
  const word = inner.match(SLOT_WORDS)?.groups;
  if (word) return (Object.keys(word).find((k) => word[k] !== undefined) as SlotKind) ?? 'value';
  if (/^(?:tbd|tba|tbc|todo|\?+|…|\.\.\.)$/i.test(inner)) return field ? slotKind(field) : 'value';
  return inner.split(/\s+/).length >= 3 || /\.\.\.|…/.test(inner) ? 'instruction' : 'value';
}

export interface PlaceholderHit {
  text: string;
  column: number;
  /** What goes in the slot: a date, a figure, a name, a choice, an instruction, a link. */
  kind: SlotKind;
}

/** The field a value fills: the words before it up to a cell edge or a comma ("Owner: TBD" → "Owner"). */
function fieldBefore(line: string, at: number): string {
  let start = at;
  while (start > 0 && at - start < 60 && !CLAUSE_EDGE.test(line[start - 1])) start--;
  // A field's name is short: a longer run of words before the value is a sentence (and stays bounded).
  if (start > 0 && !CLAUSE_EDGE.test(line[start - 1])) return '';
  const before = line.slice(start, at);
  return FIELD_NAME.test(before) ? before.replace(/[\s*_>#:[\]-]+/g, ' ').trim() : '';
}

/** A time of day or a date, as a timeline entry opens with it. */
const CLOCK_OR_DAY = /\b\d{1,2}:\d{2}(?!\d)|\b\d{4}-\d{2}-\d{2}\b/;

/**
 * "06:15pm - v1.12 is released **\\<START OF OUTAGE>**": words about a moment in angle brackets,
 * closing an entry whose time is written before them, mark that moment; they are no empty slot.
 */
function marksTimedEntry(line: string, at: number, slot: string): boolean {
  if (slotKind(slot) !== 'date') return false;
  const rest = line.slice(at + slot.length);
  return CLOCK_OR_DAY.test(line.slice(0, at)) && /^[\s*_.)\]]*$/.test(rest);
}

/**
 * "(at least Android 2.x / HTC -- TODO confirm)": a TODO set off from the sentence before it (the
 * line's start, a dash, a bracket, a stop) and followed by an instruction in its base form is a note
 * left to finish; "a TODO in the code", "the TODO list" mention one.
 */
function instructsAfter(before: string, after: string): boolean {
  if (!/(?:^|[-–—(;.!?]|\s-)\s{0,3}$/.test(before)) return false;
  const word = after.match(/^\s{1,2}([a-z]{3,20})\b/)?.[1];
  if (!word) return false;
  const term = nlp(word).terms().json()[0]?.terms[0] as { tags: string[] } | undefined;
  return !!term?.tags.includes('Verb') && term.tags.some((t) => t === 'Infinitive' || t === 'Imperative');
}

/** Placeholders on a line: `[Date]`, `<fill in>`, `YYYY-MM-DD`, `HH:mm`, `TBD`, "Lorem ipsum" (either word of the filler alone too: "Ipsum reprehenderit …"); links, tags and checkboxes excluded. */
export function placeholdersIn(line: string): PlaceholderHit[] {
  const hits: (Omit<PlaceholderHit, 'kind'> & { kind?: SlotKind })[] = [];
  // "2022-02-02 X: saurik messaged …": a letter where a dated entry's time goes is a time never filled in.
  for (const m of line.matchAll(TIME_LETTER))
    hits.push({ text: m[1], column: m.index! + m[0].length - m[1].length, kind: 'date' });
  for (const m of line.matchAll(/\\?\[([^\]\n]{1,80}?)\\?\](?!\(|\[|:)/g)) {
    if (/^[ xX]$/.test(m[1]) || line[m.index! - 1] === '!') continue;
    // "[???]" is the author marking a value unknown ("14:??", "--:--"), not a template's slot.
    if (/^\s*\?+\s*$/.test(m[1])) continue;
    // "- [N/A] Replace …": in a list item's checkbox slot, a status mark (the task does not apply).
    if (/^n\/?a$/i.test(m[1].trim()) && /^\s{0,8}(?:[-*+]|\d{1,3}[.)])\s{1,4}$/.test(line.slice(0, m.index!)))
      continue;
    if (isPlaceholder(`[${m[1]}]`)) hits.push({ text: m[0], column: m.index! });
  }
  // "<fill in>", "<Team name>": words in angle brackets that are no HTML, no link and no address.
  for (const m of line.matchAll(ANGLE_SLOT)) {
    if (isHtmlMarkup(m[0]) || /^[a-z][a-z+.-]{0,20}:|@/i.test(m[1])) continue;
    if (marksTimedEntry(line, m.index!, m[0])) continue;
    if (isPlaceholder(`[${m[1]}]`) || slotKind(m[0]) !== 'value') hits.push({ text: m[0], column: m.index! });
  }
  const bracketFree = line.replace(/\[[^\]]*\]|<[^<>\n]{0,80}>/g, (s) => ' '.repeat(s.length));
  for (const m of bracketFree.matchAll(
    /\b(TBD|TBA|TBC|TODO|FIXME|YYYY-MM-DD|20xx-MM-DD|HH:mm|HH:MM|hh:mm|[Ll]orem(?: ipsum)?|[Ii]psum)\b|(?<![\w.%])N%(?![\w%])/g,
  )) {
    const end = m.index! + m[0].length;
    // "TODO: k-dev email" is a note left to finish; "a TODO in the code" mentions one.
    const noted =
      /^(?:TODO|FIXME)$/.test(m[0]) &&
      (/^\s{0,2}(?:[:(]|$)/.test(bracketFree.slice(end, end + 3)) ||
        instructsAfter(bracketFree.slice(0, m.index!), bracketFree.slice(end, end + 40)));
    if (noted || !/^(?:TB[DAC]|TODO|FIXME)$/.test(m[0]) || standsAsValue(bracketFree, m.index!, m[0].length))
      hits.push({ text: m[0], column: m.index! });
  }
  // "… has resulted in .": a sentence that stops on a word no sentence ends with, the blank before
  // its full stop never filled ("a . in their name" is the character, the sentence going on).
  for (const m of line.matchAll(
    /(?<=[a-z] )(?:in|of|to|by|for|with|from|the|an?|is|was|were|are|at) \.(?=\s*$|\s+[A-Z*_[(])/g,
  ))
    hits.push({ text: m[0], column: m.index!, kind: 'text' });
  // "… the 500 user limit and is  ?????": a run of question marks standing as a word is text never
  // written; "14:??" and "2022-05-??" are a time or a day the author marked unknown.
  for (const m of bracketFree.matchAll(/(?<![\w:/?-])\?{3,}(?![\w:/?-])/g))
    hits.push({ text: m[0], column: m.index!, kind: 'text' });
  // "wait approximately 'x' minutes": a lone letter quoted where a figure goes, before its unit.
  for (const m of bracketFree.matchAll(
    /(?<=\s)['‘"“][xXnN]['’"”](?=\s{1,3}(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|times|percent|%))/g,
  ))
    hits.push({ text: m[0], column: m.index!, kind: 'figure' });
  for (const m of bracketFree.matchAll(SLOT)) {
    const before = bracketFree.slice(Math.max(0, m.index! - 12), m.index!);
    const after = bracketFree.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
    // A slot stands apart: "## Timeline (PST) DATE RANGE", not inside a sentence written in capitals.
    if (!/[A-Z]{2,}\s{0,2}$/.test(before) && !/^\s{0,2}[A-Z]{2,}/.test(after))
      hits.push({ text: m[0], column: m.index! });
  }
  return hits
    .sort((a, b) => a.column - b.column)
    .map((hit) => ({ ...hit, kind: hit.kind ?? slotKind(hit.text, fieldBefore(line, hit.column)) }));
}
