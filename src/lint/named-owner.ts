import { type Term, termsOf } from './nlp.js';

/** Words that make the noun phrase before them a team: "SRE team", "the platform squad", "on-call". */
const TEAM_WORD = /^(?:team|teams|squad|squads|group|guild|crew|committee|on-?call|engineers|owners)$/i;
/** A team named by its initials: "SRE", "QA", "IT", "DBA". */
const INITIALS = /^[A-Z]{2,6}$/;
const WRITERS = new Set(['we', 'i']);

/**
 * "Bob to be more careful", "Mark to update the runbook": a name that opens an item the tagger may
 * take for an imperative ("bob", "mark"); asked of them ("Ask Bob to …"), it reads as the person.
 * "Migrate to Postgres", "Need to devise …" stay verbs.
 */
function namedWhenAsked(names: Term[]): boolean {
  if (names.length > 3 || !names.every((t) => t.normal === 'and' || /^\p{Lu}\p{Ll}{1,20}$/u.test(t.text)))
    return false;
  const asked = termsOf(`Ask ${names.map((t) => t.text).join(' ')} to`).slice(1, 1 + names.length);
  return asked.every((t) => t.normal === 'and' || t.tags.includes('Person'));
}

/** Who is named before "to": people, a team, or the writers ("We to add …", a word left out). */
type Subject = 'people' | 'team' | 'writers';

/**
 * "Peter to investigate why Jenkins didn't deploy …", "Alice and Bob to add the alert", "SRE team to
 * add alerting …", "QA to verify …": someone named first, then "to" and the verb of the work, the way
 * meeting notes hand out actions. People must be people as the tagger reads them, and a team a noun
 * phrase ending in a team word or a team's initials, so an imperative ("Migrate to Postgres", "Move
 * to v2", "Need to devise …") names no one. Returns who is named and where the work's verb starts.
 */
export function subjectTo(
  text: string,
  known: ReadonlySet<string> = new Set(),
): { subject: string; kind: Subject; rest: string } | null {
  const terms: Term[] = termsOf(text.slice(0, 120));
  const to = terms.slice(0, 6).findIndex((t) => t.normal === 'to');
  if (to < 1) return null;
  const names = terms.slice(terms[0].normal === 'the' ? 1 : 0, to);
  if (!names.length || names.at(-1)?.normal === 'and') return null;
  const person = (t: Term) =>
    (t.tags.includes('Person') && !t.tags.includes('Verb')) ||
    (known.has(t.normal) && /^\p{Lu}/u.test(t.text));
  const noun = (t: Term) => t.tags.includes('Noun') && !t.tags.includes('Verb');
  const team = (t: Term) => INITIALS.test(t.text.replace(/[,:]$/, '')) || TEAM_WORD.test(t.normal);
  // Each part of "Backend team and the SRE team": a team word ends it, or it is a team's initials alone.
  const parts: Term[][] = [[]];
  for (const t of names) {
    if (t.normal === 'and') parts.push([]);
    else if (t.normal !== 'the' || parts[parts.length - 1].length) parts[parts.length - 1].push(t);
  }

  let kind: Subject | null = null;
  if (names.length === 1 && WRITERS.has(names[0].normal)) kind = 'writers';
  else if (names.every((t) => t.normal === 'and' || person(t)) || namedWhenAsked(names)) kind = 'people';
  else if (parts.every((p) => p.length > 0 && p.length <= 4 && p.every(noun) && team(p[p.length - 1])))
    kind = 'team';
  const verb = terms[to + 1];
  if (!kind || !verb) return null;
  const acts =
    verb.tags.includes('Infinitive') ||
    (kind === 'team' &&
      /^[a-z]/.test(verb.text) &&
      !['Determiner', 'Preposition', 'Pronoun'].some((g) => verb.tags.includes(g)));
  if (!acts) return null;
  const subject = names.map((t) => t.text.replace(/[,:]$/, '')).join(' ');
  const at = text.indexOf(' to ', text.indexOf(names[names.length - 1].text));
  return { subject, kind, rest: at >= 0 ? text.slice(at + 4) : text };
}

/** The people or team an item names first, then "to" and the work: its owner (not the writers). */
export function ownerNamedTo(text: string, known: ReadonlySet<string> = new Set()): string | null {
  const said = subjectTo(text, known);
  return said && said.kind !== 'writers' ? said.subject : null;
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
