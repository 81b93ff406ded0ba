// What a message or ticket says about the harm to users, read by its grammar: a counted population,
// a share of one, a multiplier or a rise, or people who cannot do something.

/** What a statement of impact is: a count, a share, a multiple of normal, a rise, or people failing. */
export type StatedImpactKind = 'count' | 'share' | 'multiplier' | 'rise' | 'inability';

export interface StatedImpact {
  kind: StatedImpactKind;
  /** What is counted or affected, as the noun's plural: "customers", "tickets", "requests". */
  subject: string;
  /** The number stated (a count, a percentage, a factor); null for a rise or inability without one. */
  value: number | null;
  /** The words that state it, as written: "ticket volume up 4×", "30 customers". */
  phrase: string;
}

/** People a service has. */
const PEOPLE =
  'users?|customers?|clients?|merchants?|players?|buyers?|shoppers?|subscribers?|members?|tenants?';
/** Things people do or send that can be counted. */
const THINGS =
  'tickets?|complaints?|orders?|requests?|payments?|transactions?|purchases?|logins?|log-ins?|sign-ins?|signups?|sign-ups?|calls?|sessions?|accounts?|bookings?|deliveries|delivery|messages?|emails?|e-mails?|errors?|failures?|timeouts?';
const UNIT = `(?:${PEOPLE}|${THINGS})`;

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  dozen: 12,
  twenty: 20,
  fifty: 50,
  hundred: 100,
  thousand: 1000,
};
const FACTOR_WORDS: Record<string, number> = { doubled: 2, twice: 2, tripled: 3, quadrupled: 4 };

// Every pattern below is bounded and alternates whole words, so each runs in linear time.
const FIGURE = String.raw`\d{1,3}(?:,\d{3}){1,4}|\d{1,9}(?:\.\d{1,3})?`;
/** "1,200 failed requests", "30 customers", "5k users": a figure, up to two words, a unit. */
const COUNT = new RegExp(
  String.raw`(?<![\w.,])(${FIGURE})\s?([kKmM])?\+?\s(?:[a-z-]{1,20}\s){0,2}?(${UNIT})\b`,
  'g',
);
/** "40% of users", "20 % of our user base", "12% of requests". */
const SHARE = new RegExp(
  String.raw`(?<![\w.,])(\d{1,3}(?:\.\d{1,3})?)\s?(?:%|percent)\s(?:of\s)?(?:(?:the|our|all|their)\s)?(?:[a-z-]{1,20}\s){0,2}?(${UNIT}|user base|customer base)\b`,
  'gi',
);
/** "hundreds of users", "dozens of tickets", "thousands of requests". */
const MANY = new RegExp(
  String.raw`\b(dozens|hundreds|thousands|millions) of\s(?:[a-z-]{1,20}\s){0,2}?(${UNIT})\b`,
  'gi',
);
/** "4×", "4x", "x4", "four times", "doubled": a factor. */
const FACTOR = new RegExp(
  String.raw`(?<![\w.])(\d{1,4}(?:\.\d{1,2})?)\s?[x×](?!\w)|(?<![\w.])[x×](\d{1,4})\b|\b(${Object.keys(NUMBER_WORDS).join('|')}) times\b|\b(doubled|twice|tripled|quadrupled)\b`,
  'gi',
);
/** A rise said in words: "ticket volume is climbing", "a surge of complaints". */
const RISE =
  /\b(?:climb(?:s|ed|ing)?|ris(?:e|es|ing)|rose|grow(?:s|ing|n)?|increas(?:e|es|ed|ing)|spik(?:e|es|ed|ing)|surg(?:e|es|ed|ing)|jump(?:s|ed|ing)?|up)\b/i;
/** People failing to do something: "cannot log in", "say card payments fail", "unable to pay". */
const FAILING =
  /\b(?:cannot|can't|can not|could not|couldn't|unable to|not able to|fail(?:s|ed|ing)?|failures?|errors?|locked out|stuck|time(?:s|d)? out|timeouts?|5\d\d(?:s)?)\b/i;
/** Words that turn a statement around: "no customers affected", "if users…". */
const NEGATED = /\b(?:no|not|none|zero|never|without|if|unless|whether)\s(?:[a-z-]{1,20}\s){0,2}$/i;
/** What makes a figure a name, not a count: a version (v3), a severity (Sev 1, P2), an id (#4821), a time. */
const NOT_A_FIGURE_BEFORE = /(?:\bv|\bsev\s?|\bp|\bpriority\s|\blevel\s|[:@#/-])$/i;
/** An HTTP status before "errors" is a kind of error, not a count: "504 errors". */
const STATUS_CODE = /^[1-5]\d\d$/;
const FAULTS = new Set(['errors', 'failures', 'timeouts']);

const RISE_OF = new RegExp(
  String.raw`\b(?:spike|surge|jump|rise|increase|flood|wave)\s(?:in|of)\s(?:[a-z-]{1,20}\s){0,2}?(${UNIT})\b`,
  'i',
);
const UNIT_WORD = new RegExp(`\\b(${UNIT}|user base|customer base)\\b`, 'i');
const PEOPLE_WORD = new RegExp(`\\b(${PEOPLE})\\b`, 'i');

/** "customer" → "customers", "user base" → "users", "deliveries" stays. */
function plural(noun: string): string {
  const n = noun.toLowerCase().replace(/ base$/, '');
  if (n.endsWith('s') || n === 'delivery') return n === 'delivery' ? 'deliveries' : n;
  return `${n}s`;
}

/** Clauses of a message: a sentence, or a part set off by a dash, semicolon or colon. */
const clausesOf = (text: string) =>
  text
    .split(/(?<=[.!?])\s|\s[—–-]\s|;\s|:\s/)
    .map((c) => c.trim())
    .filter(Boolean);

const negated = (clause: string, at: number) => NEGATED.test(clause.slice(Math.max(0, at - 40), at));

function counts(clause: string): StatedImpact[] {
  const out: StatedImpact[] = [];
  for (const m of clause.matchAll(COUNT)) {
    if (NOT_A_FIGURE_BEFORE.test(clause.slice(0, m.index)) || negated(clause, m.index)) continue;
    if (STATUS_CODE.test(m[1]) && !m[2] && FAULTS.has(plural(m[3]))) continue;
    const scale = { k: 1e3, m: 1e6 }[(m[2] ?? '').toLowerCase()] ?? 1;
    const value = Number(m[1].replaceAll(',', '')) * scale;
    // More than one takes the plural: "3 checkout pods" counts pods, not checkouts.
    if (value !== 1 && plural(m[3]) !== m[3].toLowerCase()) continue;
    out.push({
      kind: 'count',
      subject: plural(m[3]),
      value,
      phrase: m[0].trim(),
    });
  }
  for (const m of clause.matchAll(MANY)) {
    if (negated(clause, m.index)) continue;
    out.push({ kind: 'count', subject: plural(m[2]), value: null, phrase: m[0] });
  }
  return out;
}

function shares(clause: string): StatedImpact[] {
  return [...clause.matchAll(SHARE)]
    .filter((m) => !negated(clause, m.index))
    .map((m) => ({ kind: 'share' as const, subject: plural(m[2]), value: Number(m[1]), phrase: m[0] }));
}

/** A factor with the unit it multiplies in the same clause: "ticket volume up 4×", "3x the usual errors". */
function factors(clause: string): StatedImpact[] {
  const unit = UNIT_WORD.exec(clause);
  if (!unit) return [];
  const out: StatedImpact[] = [];
  for (const m of clause.matchAll(FACTOR)) {
    if (negated(clause, m.index)) continue;
    const word = (m[3] ?? m[4] ?? '').toLowerCase();
    const value = m[1] ? Number(m[1]) : m[2] ? Number(m[2]) : (NUMBER_WORDS[word] ?? FACTOR_WORDS[word]);
    const from = Math.min(unit.index, m.index);
    const to = Math.max(unit.index + unit[0].length, m.index + m[0].length);
    if (to - from > 80) continue;
    out.push({ kind: 'multiplier', subject: plural(unit[1]), value, phrase: clause.slice(from, to) });
  }
  return out;
}

/** A unit and then its rise ("ticket volume is climbing"), or a rise of a unit ("a surge in complaints"). */
function rises(clause: string): StatedImpact[] {
  const unit = UNIT_WORD.exec(clause);
  if (!unit || negated(clause, unit.index)) return [];
  const after = clause.slice(unit.index);
  const rise = RISE.exec(after);
  if (rise && rise.index <= 40)
    return [
      {
        kind: 'rise',
        subject: plural(unit[1]),
        value: null,
        phrase: after.slice(0, rise.index + rise[0].length),
      },
    ];
  const of = RISE_OF.exec(clause);
  if (!of || negated(clause, of.index)) return [];
  return [{ kind: 'rise', subject: plural(of[1]), value: null, phrase: of[0] }];
}

/** People and a failure in one clause: "users cannot log in", "customers say card payments fail". */
function inabilities(clause: string): StatedImpact[] {
  const who = PEOPLE_WORD.exec(clause);
  if (!who || negated(clause, who.index)) return [];
  const after = clause.slice(who.index);
  const fail = FAILING.exec(after);
  if (!fail || fail.index > 80) return [];
  const end = after.indexOf(' ', fail.index + fail[0].length);
  return [
    {
      kind: 'inability',
      subject: plural(who[1]),
      value: null,
      phrase: after.slice(0, end < 0 ? after.length : end).replace(/[,.;]$/, ''),
    },
  ];
}

/**
 * What a message states about the harm to users, each statement once per clause, strongest first
 * (a figure before a rise or a failure said in words).
 * @example readStatedImpact('thanks — ticket volume up 4× since 14:10')
 * // [{ kind: 'multiplier', subject: 'tickets', value: 4, phrase: 'ticket volume up 4×' }]
 */
export function readStatedImpact(text: string): StatedImpact[] {
  const out: StatedImpact[] = [];
  for (const clause of clausesOf(text)) {
    const figures = [...counts(clause), ...shares(clause), ...factors(clause)];
    if (figures.length) out.push(...figures);
    else out.push(...rises(clause), ...inabilities(clause));
  }
  return out;
}
