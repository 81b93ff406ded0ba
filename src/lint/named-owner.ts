import { type Term, termsOf } from './nlp.js';

/**
 * "Peter to investigate why Jenkins didn't deploy …", "Alice and Bob to add the alert": people
 * named first, then "to" and the verb of the work, the way meeting notes hand out actions. The
 * names must be people as the tagger reads them, so an imperative ("Migrate to Postgres", "Move
 * to v2") names no owner.
 */
export function personTo(text: string): string | null {
  const terms: Term[] = termsOf(text.slice(0, 120));
  const to = terms.slice(0, 6).findIndex((t) => t.normal === 'to');
  if (to < 1) return null;
  const names = terms.slice(0, to);
  const people = names.every(
    (t) => t.normal === 'and' || (t.tags.includes('Person') && !t.tags.includes('Verb')),
  );
  const verb = terms[to + 1];
  if (!people || names.at(-1)?.normal === 'and' || !verb?.tags.includes('Infinitive')) return null;
  return names.map((t) => t.text.replace(/[,:]$/, '')).join(' ');
}
