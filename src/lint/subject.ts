import { nlp } from './nlp.js';

/** Where a clause begins: punctuation, or a word that starts a new clause. */
const CLAUSE_START = /[,;:()]|\b(?:and|but|because|so|which|that|who|when|while|although|though)\b/gi;
const PERSONAL = /^(?:he|she|someone|somebody|anyone|you)$/i;
/** People by the part they play in incident work, beside the roles the tagger knows (#Actor). */
const ROLE =
  /^(?:reviewers?|approvers?|authors?|responders?|on-?call|engineers?|developers?|operators?|admins?|administrators?|sres?|dbas?|interns?|commanders?|leads?|managers?|employees?|users?|person|colleagues?|contractors?)$/i;

/**
 * A person's handle ("@Mr0grog", "`@esk`", "@jaronoff97,"): one account, as chat and code hosts
 * write it; "@org/team" names a team, and "user@example.com" is an address.
 */
const HANDLE = /^[`*_(]{0,3}@[A-Za-z0-9][\w.-]{0,38}[`*_),:;.!?]{0,3}$/;

/** The last few words of the clause before `at`: the subject of the verb found there. */
export function subjectBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 200), at);
  let start = 0;
  for (const m of before.matchAll(CLAUSE_START)) start = m.index + m[0].length;
  return before.slice(start).trim().split(/\s+/).slice(-5).join(' ');
}

/**
 * True when a subject names a person or a person's role ("Bob", "the on-call engineer", "she"),
 * not a system, a process or the team speaking ("the deploy", "an issue which", "we").
 * @example namesPerson('the reviewer') // true
 */
export function namesPerson(subject: string): boolean {
  const words = subject.split(/\s+/).filter(Boolean);
  if (words.some((w) => PERSONAL.test(w) || ROLE.test(w.replace(/[^\w-]/g, '')) || HANDLE.test(w)))
    return true;
  return nlp(subject).has('(#Person|#Actor)');
}
