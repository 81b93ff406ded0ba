import { type Term, termsOf } from './nlp.js';

/** Words that open something other than a subject. */
const OPENS_OTHERWISE = ['Verb', 'Pronoun', 'Preposition', 'Condition', 'Conjunction'];

/** How far into an item its verb may come after the subject: "Critical etcd features are …". */
const SUBJECT_WORDS = 6;

/**
 * An item written as the state to reach, a subject and a present-tense verb: "etcd detects data
 * corruption by default", "etcd testing is high quality", "etcd apply code should be easy to
 * understand". Not an instruction ("Add …"), not a past event ("The alert fired").
 */
export function statesTarget(item: string): boolean {
  const terms: Term[] = termsOf(item.slice(0, 200));
  const first = terms[0];
  // A subject opens it: no verb, pronoun ("We should …" is a wish), preposition or condition ("If …").
  if (!first || OPENS_OTHERWISE.some((tag) => first.tags.includes(tag))) return false;
  const at = terms
    .slice(1, SUBJECT_WORDS + 1)
    .findIndex(
      (t) =>
        t.tags.includes('Copula') ||
        t.tags.includes('Modal') ||
        (t.tags.includes('PresentTense') && !t.tags.includes('Infinitive') && !t.tags.includes('Gerund')),
    );
  if (at < 0) return false;
  // The words before the verb are its subject, a noun phrase: no pronoun, no verb in the past or in -ing.
  return !terms
    .slice(0, at + 1)
    .some((t) => t.tags.includes('PastTense') || t.tags.includes('Gerund') || t.tags.includes('Pronoun'));
}

/** The least number of items that make a list's way of writing, and the share of them it needs. */
const LIST_ITEMS = 3;

/** A list written as target states: most of its items (of three or more) state the state to reach. */
export const writtenAsTargets = (items: string[]) =>
  items.length >= LIST_ITEMS && items.filter(statesTarget).length * 2 > items.length;
