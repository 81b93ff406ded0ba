import type { PostmortemDocument } from './parse.js';

/** A name that is a team's, not a person's: "The Crates.io Team", "Security Response WG". */
const TEAM_NAME = /\b(?:team|wg|working\s{1,3}group|squad|committee|core\s{1,3}devs?)\b/i;
/** The writers naming themselves in apposition: "We, the conda-forge core dev team, want to …". */
const WE_THE_TEAM = /\bwe,\s{1,3}(the\s{1,3}(?:[\w`.-]{1,30}\s{1,3}){0,4}?team)\b/i;
/** Front matter fields that say who wrote the post. */
const AUTHOR_FIELDS = ['author', 'authors', 'team'];

const names = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v) => typeof v === 'string')
      : [];

/**
 * The team that wrote the document, when it says so: a front matter author that is a team ("author:
 * The Crates.io Team") or the writers naming themselves as one ("We, the core dev team, …"); else null.
 */
export function writingTeam(doc: PostmortemDocument): string | null {
  for (const field of AUTHOR_FIELDS) {
    const team = names(doc.frontMatter[field]).find((n) => TEAM_NAME.test(n));
    if (team) return team.trim();
  }
  for (const line of doc.lines) {
    const m = line.match(WE_THE_TEAM);
    if (m) return m[1].replace(/`/g, '').trim();
  }
  return null;
}

/**
 * "We will …", "We'll …", "We are redesigning …", "As detailed below, we have begun …": the writers
 * taking the work on themselves, after at most a short lead-in set off by a comma.
 */
const WRITERS_PROMISE =
  /^\W{0,4}(?:[^,.]{1,40},\s{1,3})?(?:we\s{1,3}(?:will|shall|are\s{1,3}going\s{1,3}to|are\s{1,3}(?:also\s{1,3}|now\s{1,3})?[a-z]{2,30}ing|have\s{1,3}(?:begun|started))|we'll)\b/i;

/** The item is the writers' own promise of work: owned by them, when they are a named team. */
export const promisedByWriters = (text: string) => WRITERS_PROMISE.test(text);
