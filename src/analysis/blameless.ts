import type { Event } from '../model/index.js';
import { escapeRegExp } from '../text/regexp.js';

const PERSON_KEYS = [
  'author',
  'user',
  'approver',
  'assignee',
  'owner',
  'actor',
  'agent',
  'reporter',
  'creator',
  'sender',
  'username',
  'user_name',
  'real_name',
];
const ASSIGNMENT = /,?\s*\b(author|by|approver|approved by|assignee|owner|user|actor)\s*[=:]\s*[\w.@-]+/gi;

/** Tools and system components that sign records: never people, and never to be rewritten as roles. */
const MACHINE =
  /(\[bot\]|\bbot$|-bot\b|controller|kubelet|scheduler|operator|^system[:-]|serviceaccount|^(github|gitlab|pagerduty|opsgenie|grafana|alertmanager|prometheus|jenkins|argocd|argo|flux|slackbot|jira|automation|ci|cd|unknown|null|none|system|bot|root|admin)$)/i;

// A "name" of hundreds of characters is no person, and would make a regular expression too large to build.
const isPerson = (name: string) =>
  name.length >= 3 && name.length <= 200 && !MACHINE.test(name) && !/^[\d\W]+$/.test(name);

/** People named in the evidence (authors, chat users, assignees), for keeping them out of narrative. */
export function peopleIn(events: Event[]): string[] {
  const names = new Set<string>();
  for (const e of events) {
    if (e.attrs.bot === true) continue;
    for (const key of PERSON_KEYS) {
      const v = e.attrs[key];
      if (typeof v === 'string' && isPerson(v.trim())) names.add(v.trim());
    }
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/** The parts of a name that name the person alone: "Jane Doe" → Jane, Doe; "ops-alice" → alice. */
function nameParts(name: string): string[] {
  const words = /\s/.test(name.trim())
    ? name.trim().split(/\s+/)
    : (name.match(/^(?:ops|dev|sre|eng|team|oncall)[-_.]([A-Za-z]+)$/i)?.slice(1) ?? []);
  return words.filter((p) => p.length >= 3 && /^[A-Za-z]+$/.test(p));
}

/**
 * Names that are also everyday English words ("we will roll back", "mark it resolved"): written in
 * lower case they are the word, so only a capitalised or @-prefixed mention is the person.
 */
const EVERYDAY = new Set(
  'will mark bill grant pat sue may june art hope joy max frank rose lane dawn drew chase hunter page jack ray miles dean faith summer cliff penny rich young long white brown green black gray grey case bell wood hill mason price stone field ward reed sharp noble wise best love little short strong small ash guy sky august april earl major'.split(
    ' ',
  ),
);

// Marks from Unicode's private use area: no evidence text means anything by them.
const ONE = '\uE000';
const COUNT = ['', '', 'two', 'three', 'four', 'five'];

/** Each mention of a person, marked; an everyday word counts only capitalised or after @. */
function markMentions(text: string, name: string): string {
  const body = escapeRegExp(name);
  if (!EVERYDAY.has(name.toLowerCase()))
    return text.replace(new RegExp(`(?<![\\w@])@?${body}(?![\\w-])`, 'gi'), ONE);
  const capitalised = escapeRegExp(name[0].toUpperCase() + name.slice(1).toLowerCase());
  return text
    .replace(new RegExp(`(?<![\\w@])@${body}(?![\\w-])`, 'gi'), ONE)
    .replace(new RegExp(`(?<![\\w@])${capitalised}(?![\\w-])`, 'g'), ONE);
}

/** Marked mentions as roles that keep the sentence: lists become "two responders", articles stay single. */
function asRoles(text: string): string {
  return (
    text
      // "Alice, Bob and Carol" is one group of people.
      .replace(/\uE000(?:(?:, ?(?:and |or )?| and | or | & )\uE000){1,20}/g, (group) => {
        const n = group.split(ONE).length - 1;
        return `\uE001${COUNT[n] ?? 'several'}`;
      })
      .replace(/\b(the|our|my|your|their|his|her|this|that)\s{1,3}\uE001(\w+)/gi, '$1 $2 responders')
      .replace(/\b(the|our|my|your|their|his|her|this|that)\s{1,3}\uE000/gi, '$1 responder')
      .replace(/\b(a|an)\s{1,3}\uE000/gi, (_, article: string) => `${article[0]} responder`)
      .replace(/\uE001(\w+)/g, '$1 responders')
      .replace(/\uE000/g, 'a responder')
      // A role that opens a sentence opens it with a capital.
      .replace(
        /(^|[.!?]\s{1,3}|\n)(a responder|two|three|four|five|several)\b/g,
        (_, before: string, word: string) => `${before}${word[0].toUpperCase()}${word.slice(1)}`,
      )
  );
}

/**
 * Narrative text with people replaced by roles, keeping the sentence whole: "author=ops-alice"
 * goes; "I'm IC, @priya is ops lead." becomes "I'm IC, a responder is ops lead."; "Alice and Bob
 * rolled back" becomes "Two responders rolled back".
 */
export function blameless(text: string, people: string[]): string {
  let out = text
    .replace(ASSIGNMENT, '')
    .replace(/\(\s*,\s*/g, '(')
    .replace(/,\s*\)/g, ')')
    .replace(/\(\s*\)/g, '');
  const names = [...new Set(people.flatMap((name) => [name, ...nameParts(name)]))].sort(
    (a, b) => b.length - a.length,
  );
  for (const name of names) out = markMentions(out, name);
  return asRoles(out)
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;)])/g, '$1')
    .trim();
}
