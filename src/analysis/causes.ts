import type { Event, Statement } from '../model/index.js';
import { fileLine } from '../text/file-line.js';
import { shorten } from '../text/shorten.js';
import { changeFacts, sourceIdOf } from '../timeline/index.js';
import { clock } from './course.js';

/** A causal account in the evidence: a document's own cause statement, or a timeline line stating a diagnosis. */
export interface CauseAccount {
  text: string;
  /** "file:line" of a statement, or the timeline ref of a diagnosis line. */
  cite: string;
  /** The timeline event, when the account is a line of the timeline. */
  event: Event | null;
}

const quoted = (text: string) => `"${shorten(text, 160)}"`;

/** "DIAG-3 (10:12 UTC) says "…"" or "the postmortem's own cause statement (pm.md:12) says "…"". */
export const cited = (a: CauseAccount) =>
  a.event
    ? `${a.event.ref} (${clock(a.event.ts)}) says ${quoted(a.text)}`
    : `the postmortem's own cause statement (${a.cite}) says ${quoted(a.text)}`;

const where = fileLine;

/** A diagnosis line that states a cause, not only a finding along the way. */
export const CAUSAL =
  /\b(caus\w{0,4}|because|due to|result(?:ed|s)? (?:of|from|in)|led to|trigger\w{0,4}|introduc\w{0,4}|culprit|root cause|responsible)\b/i;

export const causeAccounts = (statements: Statement[], events: Event[]): CauseAccount[] => [
  ...statements
    .filter((s) => s.kind === 'cause')
    .map((s) => ({ text: s.text, cite: where(s.source), event: null })),
  ...events
    .filter((e) => e.signals.includes('diagnosis') && CAUSAL.test(e.summary))
    .map((e) => ({ text: e.summary, cite: e.ref, event: e })),
];

// Words that say what kind of thing happened, not which thing: they name no particular change.
const COMMON = new Set(
  (
    'the a an and or of to in on for with by from at as is was were be been being this that these those it its ' +
    'our we us their they them has had have which who when then than after before into over not no all some any ' +
    'new old also but so due because caus led lead resul while durin there what where utc gmt also about betwe ' +
    'deplo relea chang updat upgra modif pipel confi produ prod servi issue incid error outag probl fail failu ' +
    'syste appli versi team engin user users custo start begin began trigg initi run ran done made make via using ' +
    'incre decre more less one two first last time minut hour day week http https www com org github pull'
  ).split(' '),
);

const URL = /\bhttps?:\/\/\S{1,2000}/gi;
const WORD = /[a-z0-9][a-z0-9._-]{0,60}/gi;

/** A word's stem: identifiers (with a digit) whole, other words cut to five letters. */
const stem = (word: string) => {
  const w = word.toLowerCase().replace(/[._-]+$/, '');
  return /\d/.test(w) ? w : w.slice(0, 5);
};
const isIdentifier = (s: string) => /\d/.test(s) && /[a-z]/i.test(s) && s.length >= 3;

/** Stems of the words a text writes as names: capitalised inside a sentence, all capitals or mixed case, or with a digit. */
function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.replace(URL, ' ').matchAll(WORD)) {
    const w = m[0];
    const inside =
      m.index > 0 &&
      !/[.!?:|\-–—]\s{0,3}$/.test(text.replace(URL, ' ').slice(Math.max(0, m.index - 4), m.index));
    if (/\d/.test(w) || /[A-Z]/.test(w.slice(1)) || (inside && /^[A-Z]/.test(w))) out.add(stem(w));
  }
  return out;
}

/** The stems of a text that could name a particular thing. */
export function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.replace(URL, ' ').matchAll(WORD)) {
    const s = stem(m[0]);
    if (s.length < 3 || /^\d+$/.test(s) || COMMON.has(s)) continue;
    out.add(s);
  }
  return out;
}

/** What a change names about itself: its words, its version, its ref when the source gave one, its service. */
function changeStems(change: Event): Set<string> {
  const stems = stemsOf(change.summary);
  const version = changeFacts(change.summary, change.attrs).version;
  if (version) stems.add(stem(version.replace(/^#/, '')));
  if (change.ownRef) stems.add(stem(sourceIdOf(change)));
  if (change.service) for (const s of stemsOf(change.service)) stems.add(s);
  return stems;
}

/**
 * How many timeline lines use each stem. Lines that respond to the incident are left out: the
 * rollbacks and fixes that undo a change repeat its name, which does not make the name common.
 */
function frequencies(events: Event[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const e of events) {
    if (e.signals.includes('mitigation')) continue;
    for (const s of stemsOf(e.summary)) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return df;
}

/** "This resulted in …", "It caused …": the cause is a word pointing back, and what follows is only the effect. */
const POINTS_BACK =
  /^\s{0,3}(?:this|that|it|which|these|those)\s(?:[a-z]{1,20}\s)?(?:caus(?:ed|es)|led to|leads to|result(?:ed|s)? in|trigger(?:ed|s)|brought down|took down)\b(?!\s(?:by|from)\b)/i;

/**
 * How strongly an account names a change: the distinctive words they share (those few other
 * timeline lines use), identifiers counting double. 0 when it does not name it.
 */
function naming(account: CauseAccount, change: Event, df: Map<string, number>, lines: number): number {
  if (POINTS_BACK.test(account.text)) return 0;
  const said = stemsOf(account.text);
  const names = new Set([...namesIn(account.text), ...namesIn(change.summary)]);
  const own = account.event ? stemsOf(account.event.summary) : new Set<string>();
  const others = lines - (account.event ? 1 : 0);
  const rare = Math.max(2, Math.ceil(others * 0.2));
  let score = 0;
  let single = false;
  for (const s of changeStems(change)) {
    if (!said.has(s)) continue;
    if (isIdentifier(s)) {
      score += 2;
      continue;
    }
    const used = (df.get(s) ?? 0) - (own.has(s) ? 1 : 0);
    if (used > rare) continue;
    score += 1;
    single ||= used <= 2 && names.has(s);
  }
  return score >= 2 || single ? score : 0;
}

/** For each account, the changes it names best (none when it names none). */
export function namedChanges(accounts: CauseAccount[], changes: Event[], events: Event[]) {
  const df = frequencies(events);
  return accounts.map((account) => {
    const scored = changes
      .map((c) => [c, naming(account, c, df, events.length)] as const)
      .filter(([, n]) => n > 0);
    const best = Math.max(0, ...scored.map(([, n]) => n));
    return { account, changes: scored.filter(([, n]) => n === best).map(([c]) => c) };
  });
}

/** An account that describes a slow build-up rather than an event: a disk that filled over weeks, a leak. */
export const GRADUAL =
  /\b(over (?:the )?(?:(?:past|last|previous|several|many|a few|few|\d+|two|three|four|five|six)\s)?(?:days|weeks|months|years)|gradual(?:ly)?|slowly|steadily|accumulat\w{0,5}|build-?up|built up|leak(?:ed|ing|s)?|grew|growing|filled up|fill(?:ed|ing)? over)\b/i;

/** Where an account points, when it points outside: an upstream or third party, an attack. */
export const OUTSIDE =
  /\b(upstream|third[- ]part(?:y|ies)|vendors?|providers?|suppliers?|external (?:service|dependency|api|system|party)|attack(?:er|ers|s)?|ddos|malicious|phish(?:ing)?|compromis(?:e|ed)|impersonat\w{0,6})\b/i;
