import { type Term, termsOf } from './nlp.js';

/**
 * A clause closing an item after a semicolon or a dash that opens with a state of finished work:
 * "Purge all Cloud logs; Completed as of 2021-10-29.", "Rotate the key — done 3 May". The item's
 * own words report it carried out, as a status column would.
 */
const CLOSING_DONE =
  /(?:;|\s[—–-])\s{0,3}(?:now\s{1,3}|already\s{1,3})?(?:done|completed?|finished|fixed|resolved|implemented|deployed|merged|shipped|released)\b(?:\s{1,3}(?:as\s{1,3}of|on|in|by|since|at)\b[^;]{0,60})?[\s.!)]*$/i;

export function closesDone(text: string): boolean {
  return CLOSING_DONE.test(text.trim());
}

/** Words a subject is made of: the things named and what joins or describes them. */
const SUBJECT_PART = new Set(['Noun', 'Adjective', 'Determiner', 'Possessive', 'Acronym', 'Value']);

/**
 * The state the change left, told subject first with "now": "Peter and Cory now have permissions to
 * update the user filter", "The alert now fires at 80 %". The subject (named things, joined by
 * "and") is followed by "now" and a verb in the present tense, no modal: work already carried out,
 * not planned ("The team now needs to …", "X should now …" stay planned).
 */
export function nowInPlace(text: string): boolean {
  const terms: Term[] = termsOf(text.slice(0, 200));
  const now = terms.slice(0, 8).findIndex((t) => t.normal === 'now');
  if (now < 1) return false;
  const subject = terms.slice(0, now);
  const named = subject.every(
    (t) => t.normal === 'and' || (t.tags.some((tag) => SUBJECT_PART.has(tag)) && !t.tags.includes('Pronoun')),
  );
  const verb = terms[now + 1];
  return (
    named &&
    subject.some((t) => t.tags.includes('Noun')) &&
    !!verb &&
    verb.tags.includes('Verb') &&
    !verb.tags.includes('Modal') &&
    !verb.tags.includes('PastTense') &&
    !/^(?:needs?|wants?|plans?|will|shall|should|must|ought|has to|have to)$/.test(verb.normal)
  );
}
