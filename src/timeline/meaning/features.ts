import { stemmer as porter } from 'stemmer';
import { firstSentence } from '../../text/sentences.js';
import { lexicon } from './lexicon.js';

export { firstSentence };

// What the meaning model sees of a timeline line: its words and word pairs after a light
// normalisation, and where the line stands in its timeline.

/** A timeline line as the model reads it. */
export interface Line {
  text: string;
  /** A status column's value (`✓ RECOVERED`, `investigating`), when the document has one. */
  status?: string;
  /** The line's place among the entries of its timeline (0-based), when known. */
  position?: { index: number; count: number };
}

const URL = /\b(?:https?:\/\/|www\.)\S{1,500}/g;
/** `@Katharine`, `@BenTheElder`: a person named by a chat or code-host handle. */
const HANDLE = /(?<![\w.])@[A-Za-z0-9][\w-]{0,38}/g;
const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?![\w:])/g;
const VERSION = /\bv?\d{1,6}(?:\.\d{1,6}){1,4}[\w-]{0,20}/g;
/** HTTP error statuses (`503`, `5xx`, `404s`) say more than other numbers. */
const HTTP_ERROR = /\b[45](?:\d\d|xx)s?\b/g;
const NUMBER = /\b\d[\d,]{0,20}(?:\.\d{1,10})?%?/g;
const WORD = /[a-z_][a-z0-9_']{0,40}|[0-9]{1,6}/g;

/**
 * A word's Porter stem, so that "deployed", "deploying" and "deploys" count as one word, and
 * "investigating" as "investigation": fewer, denser word features than the forms a writer picks.
 */
function stem(word: string): string {
  if (word.startsWith('_')) return word;
  return porter(word.replace(/'s$|'$/, ''));
}

const NEGATION_SCOPE = 3;
/** How near a version a recovery word must stand to be about that version. */
const VERSION_SCOPE = 2;

const tokens = (normal: string) => normal.match(WORD) ?? [];

/** Lowercased words with URLs, times, versions and numbers replaced by one token each. */
export function words(text: string): string[] {
  const normal = text
    .toLowerCase()
    .replace(URL, ' _url_ ')
    .replace(HANDLE, ' _person_ ')
    .replace(TIME, ' _time_ ')
    .replace(VERSION, ' _ver_ ')
    .replace(HTTP_ERROR, ' _http_ ')
    .replace(NUMBER, ' _num_ ')
    .replace(/[’‘`]/g, "'");
  return tokens(normal)
    .map((w) => stem(w.replace(/^'+|'+$/g, '')))
    .filter(Boolean);
}

/** A stemmed word as the vocabulary groups look it up: "close" and "closed" both as "clos". */
const root = (w: string) => (w.length > 4 && w.endsWith('e') && !w.endsWith('ee') ? w.slice(0, -1) : w);
const GROUPS = lexicon(
  (w) => root(stem(w)),
  (entry) => tokens(entry.toLowerCase()),
);
const groupsOfWord = (w: string) => GROUPS.single.get(root(w)) ?? [];
const groupsOfPair = (a: string, b: string) => GROUPS.pairs.get(`${root(a)}_${root(b)}`) ?? [];

/** The vocabulary groups a line tells of ("symptom", "recovery", …), negated ones apart. */
export const toldGroups = (text: string): string[] =>
  features({ text })
    .filter((f) => f.startsWith('g:') && !f.startsWith('g:not-'))
    .map((f) => f.slice(2));

/** The names of the features present on a line; each counts once. */
export function features(line: Line): string[] {
  const out = new Set<string>();
  const ws = words(line.text);
  if (ws.length) out.add(`first:${ws[0]}`);
  // Groups named within a few words after a negation ("no unusual spikes") count as negated.
  let negatedUntil = -1;
  // A recovery word about a version ("v2.0.9 restored", "restored to 2.0.9") names a version put
  // back, which is a rollback's progress, not the service coming back.
  const nearVersion = (i: number) =>
    ws.slice(Math.max(0, i - VERSION_SCOPE), i + VERSION_SCOPE + 1).includes('_ver_');
  const group = (g: string, i: number) => {
    if (g === 'negation') negatedUntil = i + NEGATION_SCOPE;
    else if (i <= negatedUntil) out.add(`g:not-${g}`);
    else if (g === 'recovery' && nearVersion(i)) out.add('g:version-restored');
    else out.add(`g:${g}`);
  };
  ws.forEach((w, i) => {
    out.add(`w:${w}`);
    for (const g of groupsOfWord(w)) group(g, i);
    if (i === 0) return;
    const pair = `${ws[i - 1]}_${w}`;
    out.add(`b:${pair}`);
    for (const g of groupsOfPair(ws[i - 1], w)) group(g, i);
  });
  if (line.status) for (const w of words(line.status)) out.add(`status:${w}`);
  if (/\d{1,2}:\d{2}/.test(line.text)) out.add('names-time');
  if (line.position && line.position.count > 1) {
    const { index, count } = line.position;
    if (index === 0) out.add('pos:first');
    if (index === count - 1) out.add('pos:last');
    out.add(`pos:${Math.min(3, Math.floor((4 * index) / count))}`);
  }
  return [...out];
}
