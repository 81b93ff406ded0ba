import { createRequire } from 'node:module';
import type compromise from 'compromise';

type Nlp = typeof compromise;

let loaded: Nlp | undefined;

/**
 * compromise, loaded the first time lint reads a sentence: it takes longer to load than the rest of
 * the command line together, and only lint's grammar rules need it, so every other command skips it.
 */
export function nlp(text: string): ReturnType<Nlp> {
  loaded ??= createRequire(import.meta.url)('compromise') as Nlp;
  return loaded(text);
}

/** A word as compromise reads it: as written, normalised, and its tags. */
export interface Term {
  text: string;
  normal: string;
  tags: string[];
}

/** The words of a text as compromise tags them, one term each, in order. */
export function termsOf<T extends Term = Term>(text: string): T[] {
  return nlp(text)
    .terms()
    .json()
    .map((t: { terms: T[] }) => t.terms[0]);
}
