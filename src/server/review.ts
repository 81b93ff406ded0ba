import {
  type FollowUpItem,
  isContentKey,
  legacyKey,
  narrativeKey,
  normalized,
  type ReviewSubject,
  subjectOfReport,
} from '../library/index.js';
import { type Block, formatTime, type Postmortem, type Section } from '../report/index.js';
import { addedFollowUps, addedTimeline } from './review-additions.js';

/** The author's edits of one incident, by item key (`claim#…`, `follow-up#…`, `narrative:lessons`). */
export type ReviewEdits = Record<string, Record<string, unknown>>;

export const DECISIONS = ['undecided', 'accepted', 'rejected'] as const;
export const FOLLOW_UP_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;

/** Narrative sections only the author can write, in page order. */
export const NARRATIVE = [
  ['summary', 'Summary'],
  ['went-well', 'What went well'],
  ['went-wrong', 'What went wrong'],
  ['lessons', 'Lessons'],
] as const;

const text = (edits: ReviewEdits, key: string, field: string) => {
  const value = edits[key]?.[field];
  return typeof value === 'string' ? value : '';
};

export const decisionOf = (edits: ReviewEdits, key: string) => ({
  decision: text(edits, key, 'decision') || 'undecided',
  reason: text(edits, key, 'reason'),
});

/** A follow-up's owner, due date and status: the author's edit, else what the item started with. */
export const followUpOf = (edits: ReviewEdits, item: FollowUpItem) =>
  edits[item.key]
    ? {
        owner: text(edits, item.key, 'owner'),
        due: text(edits, item.key, 'due'),
        status: text(edits, item.key, 'status') || 'open',
      }
    : { owner: item.owner, due: item.due, status: item.status };

export const narrativeOf = (edits: ReviewEdits, section: string) =>
  text(edits, narrativeKey(section), 'text');

/** An edit whose item is no longer in the draft: kept and shown, never moved onto another item. */
export interface StaleEdit {
  key: string;
  kind: 'claim' | 'suspect' | 'follow-up';
  /** The id the item had when the edit was made. */
  id: string;
  /** Its words then; empty for an edit made before edits kept them. */
  text: string;
  /** For an edit kept by id alone: what the item with that id says now, which it may not be about. */
  nowSays?: string;
  /** The decision and reason, or owner, due and status, as one line. */
  edit: string;
}

const allItems = (subject: ReviewSubject) => [
  ...subject.claims.map((i) => ({ ...i, kind: 'claim' as const })),
  ...subject.suspects.map((i) => ({ ...i, kind: 'suspect' as const })),
  ...subject.followUps.map((i) => ({ ...i, kind: 'follow-up' as const })),
];

const describeEdit = (value: Record<string, unknown>) =>
  'decision' in value
    ? verdict({ decision: String(value.decision), reason: String(value.reason ?? '') }) || 'undecided'
    : [value.owner, value.due, value.status].filter((v) => typeof v === 'string' && v).join(' · ');

/** A stale edit as one line: what it was made on and what it said. */
export const staleLine = (e: StaleEdit) =>
  `${KIND_LABEL[e.kind]} ${e.id} ${staleAbout(e)}: ${e.edit || 'no edit'}`;

/** What a stale edit was made on: its words, or (kept by id alone) what that id says now. */
export const staleAbout = (e: StaleEdit) =>
  e.text
    ? `“${e.text}”`
    : `(its words were not recorded${e.nowSays ? `; ${e.id} now says “${e.nowSays}”, which it may not be about` : ''})`;

export const KIND_LABEL = { claim: 'Claim', suspect: 'Suspect', 'follow-up': 'Follow-up' } as const;

/** Title of the list of edits whose item left the draft, on the page and in the exports. */
export const STALE_TITLE = 'Decisions on statements no longer in the draft';

/** Edits on claims, suspects and follow-ups that match nothing in the draft, oldest kind first. */
export function staleEdits(subject: ReviewSubject, edits: ReviewEdits): StaleEdit[] {
  const items = allItems(subject);
  const live = new Set(items.map((i) => i.key));
  return Object.entries(edits).flatMap(([key, value]): StaleEdit[] => {
    if (live.has(key)) return [];
    const legacy = legacyKey(key);
    const kind = legacy?.kind ?? (isContentKey(key) ? (key.split('#')[0] as StaleEdit['kind']) : null);
    if (!kind) return [];
    const id = legacy?.id ?? String(value.id ?? '');
    const stale: StaleEdit = { key, kind, id, text: String(value.text ?? ''), edit: describeEdit(value) };
    const now = legacy && items.find((i) => i.kind === legacy.kind && i.id === legacy.id);
    return [now ? { ...stale, nowSays: now.text } : stale];
  });
}

/**
 * Moves edits kept by item id (`claim:CLM-003`, as libraries held them before edits followed
 * content) to the item they were made on, when that is certain: a suspect by its ref (which names
 * its change), a claim or follow-up with its words kept beside it to the item with those words.
 * A claim or follow-up kept by id alone stays where it is and shows as stale with what that id
 * says now: regenerating may have given the id to another statement, and moving it by id would
 * put a decision on a statement nobody decided.
 */
export function upgradeEdits(
  subject: ReviewSubject,
  edits: ReviewEdits,
): { put: [string, Record<string, unknown>][]; drop: string[] } {
  const put: [string, Record<string, unknown>][] = [];
  const drop: string[] = [];
  const items = allItems(subject);
  for (const [key, value] of Object.entries(edits)) {
    const legacy = legacyKey(key);
    const words = typeof value.text === 'string' && value.text ? value.text : null;
    // A suspect is named by its change's ref, so its id is what it is about; the others need words.
    const item = !legacy
      ? undefined
      : legacy.kind === 'suspect'
        ? items.find((i) => i.kind === 'suspect' && (i.id === legacy.id || i.source === legacy.id))
        : words !== null
          ? items.find((i) => i.kind === legacy.kind && normalized(i.text) === normalized(words))
          : undefined;
    if (!item) continue;
    if (!edits[item.key]) put.push([item.key, { ...value, id: item.id, text: item.text }]);
    drop.push(key);
  }
  return { put, drop };
}

const verdict = ({ decision, reason }: { decision: string; reason: string }) =>
  decision === 'undecided' ? '' : reason ? `${decision}: ${reason}` : decision;

function withColumns(block: Block, columns: string[], extra: (row: number) => string[]): Block {
  if (block.type !== 'table') return block;
  return {
    ...block,
    columns: [...block.columns, ...columns],
    rows: block.rows.map((r, i) => [...r, ...extra(i)]),
  };
}

function suspectSection(subject: ReviewSubject, edits: ReviewEdits): Section | null {
  const rows = subject.suspects.map((s) => [s.id, s.text, verdict(decisionOf(edits, s.key))]);
  if (!rows.some((r) => r[2])) return null;
  return {
    id: 'suspect-review',
    title: 'Suspects as reviewed',
    blocks: [{ type: 'table', columns: ['Suspect', 'Summary', 'Review'], rows }],
  };
}

/** Timeline entries the reviewer added, apart from the evidence's own (they cite none). */
export function addedTimelineBlocks(edits: ReviewEdits): Block[] {
  const entries = addedTimeline(edits);
  if (!entries.length) return [];
  return [
    { type: 'paragraph', text: 'Added in review (not from the evidence):' },
    {
      type: 'table',
      columns: ['Time (UTC)', 'Entry'],
      rows: entries.map((e) => [formatTime(e.ts, 'UTC'), e.summary]),
    },
  ];
}

/**
 * The document with the author's review in it: decisions beside claims and suspects, owner, due
 * date and status beside follow-ups, and the narrative the author wrote.
 */
export function reviewedDocument(doc: Postmortem, edits: ReviewEdits): Postmortem {
  const subject = subjectOfReport(doc.report);
  const sections: Section[] = [];
  for (const s of doc.sections) {
    if (s.id === 'summary' && narrativeOf(edits, 'summary')) {
      sections.push({ ...s, blocks: [{ type: 'paragraph', text: narrativeOf(edits, 'summary') }] });
    } else if (s.id === 'claims') {
      const review = (i: number) => {
        const claim = subject.claims[i];
        return [claim ? verdict(decisionOf(edits, claim.key)) : ''];
      };
      sections.push({ ...s, blocks: s.blocks.map((b) => withColumns(b, ['Review'], review)) });
    } else if (s.id === 'follow-ups') {
      const fields = (i: number) => {
        const item = subject.followUps[i];
        if (!item) return ['', '', ''];
        const f = followUpOf(edits, item);
        return [f.owner, f.due, f.status];
      };
      const added = addedFollowUps(edits).map((f) => [
        f.id,
        f.action,
        '',
        '',
        'added in review',
        f.owner,
        f.due,
        f.status,
      ]);
      const blocks = s.blocks.map((b) => withColumns(b, ['Owner', 'Due', 'Status'], fields));
      sections.push({
        ...s,
        blocks: blocks.map((b) => (b.type === 'table' ? { ...b, rows: [...b.rows, ...added] } : b)),
      });
    } else if (s.id === 'timeline') {
      sections.push({ ...s, blocks: [...s.blocks, ...addedTimelineBlocks(edits)] });
    } else sections.push(s);
    if (s.id === 'trigger') {
      const suspects = suspectSection(subject, edits);
      if (suspects) sections.push(suspects);
    }
  }
  // What the author wrote replaces the section drafted for them (what went well, what went wrong).
  const written = (id: string) => [{ type: 'paragraph' as const, text: narrativeOf(edits, id) }];
  for (const [i, s] of sections.entries())
    if (s.id !== 'summary' && NARRATIVE.some(([id]) => id === s.id) && narrativeOf(edits, s.id))
      sections[i] = { ...s, blocks: written(s.id) };
  const narrative: Section[] = NARRATIVE.filter(
    ([id]) => id !== 'summary' && narrativeOf(edits, id) && !sections.some((s) => s.id === id),
  ).map(([id, title]) => ({ id, title, blocks: written(id) }));
  const at = sections.findIndex((s) => s.id === 'follow-ups');
  sections.splice(at < 0 ? sections.length : at, 0, ...narrative);
  return { ...doc, sections };
}

/**
 * The reviewed document as the Markdown and HTML exports carry it: with the decisions whose
 * statements left the draft listed at the end, as the page lists them beside its forms.
 */
export function exportedDocument<T extends { sections: Section[] }>(
  doc: T,
  subject: ReviewSubject,
  edits: ReviewEdits,
): T {
  const stale = staleEdits(subject, edits);
  if (!stale.length) return doc;
  const section: Section = {
    id: 'stale-decisions',
    title: STALE_TITLE,
    blocks: [
      {
        type: 'paragraph',
        text: 'Regenerating from new evidence changed or removed these items; their edits attach to nothing else.',
      },
      {
        type: 'list',
        items: stale.map(staleLine),
      },
    ],
  };
  return { ...doc, sections: [...doc.sections, section] };
}

/** The review as the JSON export carries it: every item with its id, words and edit, and what went stale. */
export function reviewJson(subject: ReviewSubject, edits: ReviewEdits) {
  return {
    claims: subject.claims.map((c) => ({ id: c.id, statement: c.text, ...decisionOf(edits, c.key) })),
    suspects: subject.suspects.map((s) => ({ ref: s.id, summary: s.text, ...decisionOf(edits, s.key) })),
    followUps: subject.followUps.map((f) => ({ id: f.id, action: f.text, ...followUpOf(edits, f) })),
    narrative: Object.fromEntries(NARRATIVE.map(([id]) => [id, narrativeOf(edits, id)]).filter(([, t]) => t)),
    added: {
      followUps: addedFollowUps(edits).map(({ id, action, owner, due, status }) => ({
        id,
        action,
        owner,
        due,
        status,
      })),
      timeline: addedTimeline(edits).map(({ ts, summary }) => ({ ts, summary })),
    },
    stale: staleEdits(subject, edits).map(({ kind, id, text, edit, nowSays }) => ({
      kind,
      id,
      text,
      edit,
      ...(nowSays === undefined ? {} : { nowSays }),
    })),
  };
}
