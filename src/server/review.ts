import type { Report } from '../model/index.js';
import type { Block, Postmortem, Section } from '../report/index.js';

/** The author's edits of one incident, by item id (`claim:CLM-001`, `follow-up:FU-002`, …). */
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

export const claimKey = (id: string) => `claim:${id}`;
export const suspectKey = (ref: string) => `suspect:${ref}`;
export const followUpKey = (id: string) => `follow-up:${id}`;
export const narrativeKey = (section: string) => `narrative:${section}`;

const text = (edits: ReviewEdits, key: string, field: string) => {
  const value = edits[key]?.[field];
  return typeof value === 'string' ? value : '';
};

export const decisionOf = (edits: ReviewEdits, key: string) => ({
  decision: text(edits, key, 'decision') || 'undecided',
  reason: text(edits, key, 'reason'),
});

export const followUpOf = (edits: ReviewEdits, id: string) => ({
  owner: text(edits, followUpKey(id), 'owner'),
  due: text(edits, followUpKey(id), 'due'),
  status: text(edits, followUpKey(id), 'status') || 'open',
});

export const narrativeOf = (edits: ReviewEdits, section: string) =>
  text(edits, narrativeKey(section), 'text');

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

function suspectSection(report: Report, edits: ReviewEdits): Section | null {
  const rows = report.suspects.map((s) => [s.ref, s.summary, verdict(decisionOf(edits, suspectKey(s.ref)))]);
  if (!rows.some((r) => r[2])) return null;
  return {
    id: 'suspect-review',
    title: 'Suspects as reviewed',
    blocks: [{ type: 'table', columns: ['Suspect', 'Summary', 'Review'], rows }],
  };
}

/**
 * The document with the author's review in it: decisions beside claims and suspects, owner, due
 * date and status beside follow-ups, and the narrative the author wrote.
 */
export function reviewedDocument(doc: Postmortem, edits: ReviewEdits): Postmortem {
  const r = doc.report;
  const sections: Section[] = [];
  for (const s of doc.sections) {
    if (s.id === 'summary' && narrativeOf(edits, 'summary')) {
      sections.push({ ...s, blocks: [{ type: 'paragraph', text: narrativeOf(edits, 'summary') }] });
    } else if (s.id === 'claims') {
      const review = (i: number) => [verdict(decisionOf(edits, claimKey(r.claims[i]?.id ?? '')))];
      sections.push({ ...s, blocks: s.blocks.map((b) => withColumns(b, ['Review'], review)) });
    } else if (s.id === 'follow-ups') {
      const fields = (i: number) => {
        const f = followUpOf(edits, r.followUps[i]?.id ?? '');
        return [f.owner, f.due, f.status];
      };
      sections.push({
        ...s,
        blocks: s.blocks.map((b) => withColumns(b, ['Owner', 'Due', 'Status'], fields)),
      });
    } else sections.push(s);
    if (s.id === 'root-cause') {
      const suspects = suspectSection(r, edits);
      if (suspects) sections.push(suspects);
    }
  }
  const narrative: Section[] = NARRATIVE.filter(([id]) => id !== 'summary' && narrativeOf(edits, id)).map(
    ([id, title]) => ({ id, title, blocks: [{ type: 'paragraph', text: narrativeOf(edits, id) }] }),
  );
  const at = sections.findIndex((s) => s.id === 'follow-ups');
  sections.splice(at < 0 ? sections.length : at, 0, ...narrative);
  return { ...doc, sections };
}
