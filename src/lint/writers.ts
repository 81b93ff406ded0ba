import type { PostmortemDocument } from './parse.js';

/** A name that is a team's, not a person's: "The Crates.io Team", "Security Response WG". */
const TEAM_NAME = /\b(?:team|wg|working\s{1,3}group|squad|committee|core\s{1,3}devs?)\b/i;
export const isTeamName = (name: string) => TEAM_NAME.test(name);
/** The writers naming themselves in apposition: "We, the conda-forge core dev team, want to …". */
const WE_THE_TEAM = /\bwe,\s{1,3}(the\s{1,3}(?:[\w`.-]{1,30}\s{1,3}){0,4}?team)\b/i;
/** The writers saying which team they are on: "All of us on the Infrastructure & Platforms team …", "we in the SRE team". */
const US_ON_THE_TEAM =
  /\b(?:all\s{1,3}of\s{1,3}us|those\s{1,3}of\s{1,3}us|we)\s{1,3}(?:here\s{1,3})?(?:on|in|at)\s{1,3}(the\s{1,3}(?:[\w&`.-]{1,30}\s{1,3}){0,4}?team)\b/i;
/**
 * The writers speaking of their own team: "our team", "a small subset of the team", "not all members
 * of the team", "a single team member". A team named by others ("the platform team", "the Geth
 * team") is not the writers', nor is a team described ("our crack team of engineers").
 */
const OWN_TEAM =
  /\bour\s{1,3}team\b|\b(?:members?|subset|rest|part)\s{1,3}of\s{1,3}(?:the|our)\s{1,3}team\b|(?:^|[.!?]\s{1,3}|\b(?:a|one|another|every|each|single)\s{1,3})team\s{1,3}members?\b/i;
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
 * The Crates.io Team"), the writers naming themselves as one ("We, the core dev team, …", "All of us
 * on the Infrastructure & Platforms team …") or speaking of their own team ("not all members of the
 * team …"); else null.
 */
export function writingTeam(doc: PostmortemDocument): string | null {
  for (const field of AUTHOR_FIELDS) {
    const team = names(doc.frontMatter[field]).find((n) => TEAM_NAME.test(n));
    if (team) return team.trim();
  }
  for (const line of doc.lines) {
    const m = line.match(WE_THE_TEAM) ?? line.match(US_ON_THE_TEAM);
    if (m) return m[1].replace(/`/g, '').trim();
  }
  return doc.lines.some((line) => OWN_TEAM.test(line)) ? "the writers' team" : null;
}

/**
 * "We will …", "We'll …", "We are redesigning …", "As detailed below, we have begun …": the writers
 * taking the work on themselves, after at most a short lead-in set off by a comma.
 */
const WRITERS_PROMISE =
  /^\W{0,4}(?:[^,.]{1,40},\s{1,3})?(?:we\s{1,3}(?:will|shall|are\s{1,3}going\s{1,3}to|are\s{1,3}(?:also\s{1,3}|now\s{1,3})?[a-z]{2,30}ing|have\s{1,3}(?:begun|started))|we'll)\b/i;

/**
 * "Our forthcoming network upgrade (Optimism: Bedrock) will use …": a thing the writers call their
 * own, as the subject of what it will do, is their work; "Our users will …" is other people.
 */
const OURS_WILL =
  /^\W{0,4}our\s{1,3}(?!users?\b|customers?\b|clients?\b|readers?\b|community\b|partners?\b)[^.,;!?]{1,80}?\s(?:will|shall|is\s{1,3}going\s{1,3}to)\s/i;

/** The item is the writers' own promise of work: owned by them, when they are a named team. */
export const promisedByWriters = (text: string) => WRITERS_PROMISE.test(text) || OURS_WILL.test(text);
