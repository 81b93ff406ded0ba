import { afterPlainLabel } from './item-head.js';
import { type Term, termsOf } from './nlp.js';

/** Words a subject is made of: the thing named, what describes it, a number, a path, a preposition inside it. */
const SUBJECT_PART = new Set([
  'Noun',
  'Adjective',
  'Determiner',
  'Possessive',
  'Acronym',
  'Value',
  'Preposition',
]);
/** Verbs of need or lack: "Monitoring needs to be improved" says what is missing, not what is in place. */
const NEED = /^(?:needs?|requires?|lacks?|wants?|misses|seems?|appears?)$/;
/** How far into the item its verb may come, past a long subject ("Policy `identities.md` Rule 1 about … generalises"). */
const SUBJECT_TERMS = 16;

/**
 * An item that states, subject first, what a thing in place does, in the present tense:
 * "ADR `0004-caddy-multi-tenant-conf-d.md` defines the multi-tenant pattern", "Test guard:
 * `api/tests/test_infra.py` asserts the snippet exists", "Both fix commits include a regression
 * test". A thing named (no writer, no pronoun, no verb of its own) and then its verb in the present
 * tense, with no modal: the measure is there and working, not work to do. A need ("Monitoring
 * needs …") or a state ("Logs are …") is not read so. `item` is the text as marked, code in backticks.
 */
export function statesInPlace(item: string): boolean {
  const text = (afterPlainLabel(item) ?? item).slice(0, 300);
  const terms: Term[] = termsOf(text.replace(/`/g, ''));
  const verb = terms.slice(0, SUBJECT_TERMS).findIndex((t) => t.tags.includes('Verb'));
  if (verb < 1) return false;
  const v = terms[verb];
  if (
    !v.tags.includes('PresentTense') ||
    v.tags.some((t) => t === 'Copula' || t === 'Modal' || t === 'Auxiliary' || t === 'Gerund') ||
    NEED.test(v.normal)
  )
    return false;
  // The verb agrees with a thing: "defines" after any subject, "include" only after a plural one.
  const before = terms.slice(0, verb).filter((t) => !t.tags.includes('Adverb'));
  if (!/s$/.test(v.normal) && !before.at(-1)?.tags.includes('Plural')) return false;
  const [head] = before;
  if (
    !head ||
    head.tags.includes('Preposition') ||
    !before.every((t) => t.tags.some((tag) => SUBJECT_PART.has(tag)) && !t.tags.includes('Pronoun'))
  )
    return false;
  // The subject points at the one thing in place: "the"/"both" before it, or its file or name
  // written as code ("ADR `0004-….md`"); "JupyterHub only uses …" or "etcd detects …" states how a
  // system behaves, or should.
  const subject = text.slice(0, text.indexOf(v.text));
  return (SPECIFIC.test(head.normal) && head.tags.includes('Determiner')) || /`[^`\n]{1,200}`/.test(subject);
}

/** Determiners that point at one thing or set already known. */
const SPECIFIC = /^(?:the|this|these|both|each)$/;
