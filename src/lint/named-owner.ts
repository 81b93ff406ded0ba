import { type Term, termsOf } from './nlp.js';

/**
 * "Peter to investigate why Jenkins didn't deploy …", "Alice and Bob to add the alert": people
 * named first, then "to" and the verb of the work, the way meeting notes hand out actions. The
 * names must be people as the tagger reads them, so an imperative ("Migrate to Postgres", "Move
 * to v2") names no owner.
 */
export function personTo(text: string, known: ReadonlySet<string> = new Set()): string | null {
  const terms: Term[] = termsOf(text.slice(0, 120));
  const to = terms.slice(0, 6).findIndex((t) => t.normal === 'to');
  if (to < 1) return null;
  const names = terms.slice(0, to);
  const people = names.every(
    (t) =>
      t.normal === 'and' ||
      (t.tags.includes('Person') && !t.tags.includes('Verb')) ||
      (known.has(t.normal) && /^\p{Lu}/u.test(t.text)),
  );
  const verb = terms[to + 1];
  if (!people || names.at(-1)?.normal === 'and' || !verb?.tags.includes('Infinitive')) return null;
  return names.map((t) => t.text.replace(/[,:]$/, '')).join(' ');
}

/**
 * The names a document gives its people, as the tagger reads them where it writes them in full
 * ("author: Kris Nóva" in the front matter): "Nóva", alone in an item, is that person.
 */
export function peopleNamed(lines: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of lines.slice(0, 2000)) {
    if (!/\p{Lu}\p{Ll}{1,30}\s{1,3}\p{Lu}\p{Ll}{1,30}/u.test(text)) continue;
    for (const t of termsOf(text.slice(0, 400)))
      if (t.tags.includes('Person') && !t.tags.includes('Verb') && /^\p{Lu}/u.test(t.text))
        names.add(t.normal);
  }
  return names;
}
