import { toString as textOf } from 'mdast-util-to-string';
import { commitmentOf } from './commitment.js';
import { nlp, type Term, termsOf } from './nlp.js';
import type { Section } from './sections.js';

/** A verb's base form without a "re-" prefix: "Re-run", "running" and "ran" are one verb. */
const verbBase = (word: string) =>
  (nlp(word).verbs().toInfinitive().text().toLowerCase() || word.toLowerCase()).replace(/^re-?(?=\w{3})/, '');

/** A noun as compared: lower case, a plural's "s" dropped. */
const nounKey = (normal: string) => normal.replace(/(?<=\w{3})s$/, '');

/** The things a sentence names: its nouns that are no pronoun. */
const nounsOf = (terms: Term[]) =>
  new Set(
    terms.filter((t) => t.tags.includes('Noun') && !t.tags.includes('Pronoun')).map((t) => nounKey(t.normal)),
  );

interface DoneSentence {
  verbs: Set<string>;
  nouns: Set<string>;
}

/**
 * What a Resolution section tells as done: each sentence in the past tense ("We reverted to the
 * previous behavior", "We addressed the tag by running the correct script"), with its verbs and
 * the things it names.
 */
export function doneInResolution(sections: Section[]): DoneSentence[] {
  return sections
    .filter((s) => s.kind === 'resolution')
    .flatMap((s) => s.nodes.filter((n) => n.type === 'paragraph' || n.type === 'list'))
    .flatMap((n) =>
      textOf(n)
        .replace(/\s+/g, ' ')
        .split(/(?<=[.!?])\s+/),
    )
    .map(termsOf)
    .filter((terms) => terms.some((t) => t.tags.includes('PastTense') && t.tags.includes('Verb')))
    .map((terms) => ({
      verbs: new Set(terms.filter((t) => t.tags.includes('Verb')).map((t) => verbBase(t.text))),
      nouns: nounsOf(terms),
    }));
}

/**
 * An action item the Resolution tells as done: the same verb on a thing it names ("Revert to the
 * old behavior" beside "We reverted to the previous behavior"). It is the remediation listed again,
 * not planned work.
 */
export function toldDone(action: string, done: DoneSentence[]): boolean {
  if (!done.length) return false;
  const { verb } = commitmentOf(action);
  if (!verb) return false;
  const base = verbBase(verb);
  const nouns = nounsOf(termsOf(action));
  return done.some((d) => d.verbs.has(base) && [...nouns].some((n) => n !== base && d.nouns.has(n)));
}
