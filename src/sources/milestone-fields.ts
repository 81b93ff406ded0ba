// Milestone fields: the labelled times many postmortem templates and incident tools put at the top
// of a report ("First detected: 2023-06-06 10:23", "**Resolved at:** 15:00 UTC", a two-column table
// of milestones). The label names the moment, so the field states its meaning as a status column
// does; the time is read as the timeline's are.

import type { EventKind, Signal } from '../model/index.js';
import { isBroken, readStamp } from '../time/index.js';
import { isTableRow, tableCells } from './markdown-table.js';

export interface MilestoneMeaning {
  kind: EventKind;
  signals: Signal[];
  /** Where the writer bounds the impact: its start or its end. */
  bound?: 'start' | 'end';
  /** "Resolved": the incident closed, and the recovery too where no other field names one. */
  resolves?: true;
}

export interface MilestoneField {
  label: string;
  /** The written time, as it follows the label. */
  value: string;
  meaning: MilestoneMeaning;
}

/**
 * What each label names, first match first: closing before resolving, acknowledging and mitigating
 * before the start words they may carry ("Mitigation started"), detection before "first".
 */
const MEANINGS: [RegExp, MilestoneMeaning][] = [
  [/\bclosed\b/i, { kind: 'action', signals: ['close'] }],
  [/\b(?:declared|declaration|opened)\b/i, { kind: 'action', signals: ['declare'] }],
  [
    /\b(?:ack(?:nowledged?|nowledgement)?|acked|respon(?:ded|se)|engaged|investigation)\b/i,
    { kind: 'ack', signals: ['ack'] },
  ],
  [/\b(?:mitigat\w{0,10}|workaround)\b/i, { kind: 'action', signals: ['mitigation'] }],
  [
    /\b(?:repaired|restored|recovered|recovery|fixed|ended|end)\b/i,
    { kind: 'note', signals: ['recovery'], bound: 'end' },
  ],
  [/\bresol(?:ved|ution)\b/i, { kind: 'action', signals: ['close'], resolves: true }],
  [/\breported\b/i, { kind: 'report', signals: ['detect'] }],
  [
    /\b(?:detect\w{0,4}|discover\w{0,4}|notic\w{0,4}|identified|alerted|paged)\b/i,
    { kind: 'note', signals: ['detect'] },
  ],
  [
    /\b(?:start(?:ed)?|began|begin(?:ning)?|onset|occurred|impact|first\s{1,3}(?:error|symptom|failure)s?)\b/i,
    { kind: 'note', signals: ['symptom'], bound: 'start' },
  ],
];

/** Labels that name no moment, though they hold a time: the report's own dates. */
const NOT_A_MOMENT =
  /\b(?:modified|updated|written|published|created|last|review|date|time\s{1,3}to|duration)\b/i;

/** `- **First detected:** 2023-06-06 10:23`, `Resolved at: 15:00 UTC`: a label of a few words, a colon, a value. */
const FIELD =
  /^\s{0,4}(?:[-*+]\s{1,3}|\d{1,2}[.)]\s{1,3})?(?:\*\*|__)?([A-Za-z][A-Za-z ()/-]{1,40}?)(?:\*\*|__)?\s{0,2}:\s{0,2}(?:\*\*|__)?\s{0,2}(\S.{0,80})$/;
/**
 * `- First detected 2020-08-14 10:43`: the same field with no colon, as a "Key events" list writes it;
 * the value then must be a time alone (digits, separators, a meridiem, a zone), so that a sentence
 * such as "Deployed 2 services" is never read as one.
 */
const BARE_FIELD =
  /^\s{0,4}(?:[-*+]\s{1,3}|\d{1,2}[.)]\s{1,3})?(?:\*\*|__)?([A-Za-z][A-Za-z ()/-]{1,40}?)(?:\*\*|__)?\s{1,3}(~?\d[\d:./T+-]{0,24}(?:\s{1,2}\d[\d:.]{1,8})?(?:\s{0,2}[AaPp][Mm])?(?:\s{1,2}[A-Z]{2,5}|Z)?)\s{0,3}$/;
const MARKS = /[*_`]/g;

const meaningOf = (label: string): MilestoneMeaning | null =>
  label.split(/\s+/).length > 5 || NOT_A_MOMENT.test(label)
    ? null
    : (MEANINGS.find(([re]) => re.test(label))?.[1] ?? null);

/** A value that reads as a time of day, with or without its day, or a day alone. */
function isTime(value: string): boolean {
  const stamp = readStamp(value);
  return Boolean(stamp && !isBroken(stamp) && (stamp.clock || stamp.day));
}

/**
 * The milestone a line states, or null: a label naming a moment, then a value that reads as a time
 * (a day, a time of day, or both; dated as the timeline's lines are by the timeline reader).
 * @example milestoneField('- **First detected:** 2023-06-06 10:23') // { label: 'First detected', value: '2023-06-06 10:23', meaning: { kind: 'note', signals: ['detect'] } }
 */
export function milestoneField(text: string): MilestoneField | null {
  let label: string;
  let value: string;
  if (isTableRow(text)) {
    const cells = tableCells(text).map((c) => c.replace(MARKS, '').trim());
    if (cells.length !== 2) return null;
    [label, value] = cells;
  } else {
    const m = FIELD.exec(text) ?? BARE_FIELD.exec(text);
    if (!m) return null;
    label = m[1].trim();
    value = m[2].replace(MARKS, '').trim();
  }
  label = label.replace(/\s{1,3}(?:at|on|time)$/i, '').trim();
  if (!/^~?\d/.test(value) || !isTime(value)) return null;
  const meaning = meaningOf(label);
  return meaning ? { label, value, meaning } : null;
}
