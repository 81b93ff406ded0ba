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

/** Narrative text with people replaced by roles: "author=ops-alice" goes, "Alice" becomes "a responder". */
export function blameless(text: string, people: string[]): string {
  let out = text
    .replace(ASSIGNMENT, '')
    .replace(/\(\s*,\s*/g, '(')
    .replace(/,\s*\)/g, ')')
    .replace(/\(\s*\)/g, '');
  for (const name of people) {
    out = out.replace(new RegExp(`@?\\b${escapeRegExp(name)}\\b`, 'gi'), 'a responder');
    for (const part of nameParts(name))
      out = out.replace(new RegExp(`\\b${escapeRegExp(part)}\\b`, 'gi'), 'a responder');
  }
  return out
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;)])/g, '$1')
    .trim();
}
