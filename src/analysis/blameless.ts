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

/** People named in the evidence (authors, chat users, assignees), for keeping them out of narrative. */
export function peopleIn(events: Event[]): string[] {
  const names = new Set<string>();
  for (const e of events) {
    for (const key of PERSON_KEYS) {
      const v = e.attrs[key];
      if (typeof v === 'string' && v.trim().length >= 3 && !/^(system|bot|unknown|null)$/i.test(v))
        names.add(v.trim());
    }
  }
  return [...names].sort((a, b) => b.length - a.length);
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
    const parts = name
      .split(/[-_.\s]+/)
      .filter(
        (p) => p.length >= 3 && /^[A-Za-z]+$/.test(p) && !/^(ops|dev|sre|bot|team|admin|user|eng)$/i.test(p),
      );
    for (const part of parts)
      out = out.replace(new RegExp(`\\b${escapeRegExp(part)}\\b`, 'gi'), 'a responder');
  }
  return out
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;)])/g, '$1')
    .trim();
}
