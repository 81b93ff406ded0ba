import { firstDate } from '../lint/index.js';
import type { Report } from '../model/index.js';
import type { IncidentRecord } from './record.js';
import { contentKey } from './review-keys.js';

/** One reviewable item: the id shown beside it, its words, and the key its edits are kept under. */
export interface ReviewItem {
  id: string;
  text: string;
  key: string;
  /** A suspect's change as its source named it, when its ref is a shortened one (GH-02). */
  source?: string;
}

/** A follow-up, with the owner, due date and status it starts from (what an imported postmortem wrote). */
export interface FollowUpItem extends ReviewItem {
  owner: string;
  due: string;
  status: string;
}

/** What an incident offers for review. An imported postmortem has no claims or suspects. */
export interface ReviewSubject {
  claims: ReviewItem[];
  suspects: ReviewItem[];
  followUps: FollowUpItem[];
}

/** Keys, with a count added when the same words appear twice, so neither item takes the other's edit. */
function keyed<T extends { text: string }>(
  kind: 'claim' | 'suspect' | 'follow-up',
  items: T[],
  parts: (item: T) => string[],
): (T & { key: string })[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = contentKey(kind, ...parts(item));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...item, key: n === 1 ? base : `${base}-${n}` };
  });
}

/** The id the source gave a timeline entry (kept in its attributes when its ref was shortened), else its ref. */
function sourceIdIn(report: Report, ref: string): string {
  const id = report.timeline.find((e) => e.ref === ref)?.attrs?.sourceId;
  return typeof id === 'string' ? id : ref;
}

export function subjectOfReport(report: Report): ReviewSubject {
  return {
    claims: keyed(
      'claim',
      report.claims.map((c) => ({ id: c.id, text: c.statement })),
      (c) => [c.text],
    ),
    suspects: keyed(
      'suspect',
      report.suspects.map((s) => ({ id: s.ref, text: s.summary, source: sourceIdIn(report, s.ref) })),
      // A suspect is a change: the source's id names it, whatever the words or the short ref become.
      (s) => [s.source],
    ),
    followUps: keyed(
      'follow-up',
      report.followUps.map((f) => ({ id: f.id, text: f.action, owner: '', due: '', status: 'open' })),
      (f) => [f.text],
    ),
  };
}

const STATUS: Record<string, string> = { open: 'open', in_progress: 'in-progress', done: 'done' };

/** An imported postmortem's action items as follow-ups (AI-1, AI-2, …), starting from what it wrote. */
export function subjectOfRecord(record: IncidentRecord): ReviewSubject {
  return {
    claims: [],
    suspects: [],
    followUps: keyed(
      'follow-up',
      record.actionItems.map((a, i) => ({
        id: `AI-${i + 1}`,
        text: a.action,
        owner: a.owner ?? '',
        due: (a.due && firstDate(a.due)) || '',
        status: STATUS[a.status ?? 'open'] ?? 'open',
      })),
      (f) => [f.text],
    ),
  };
}
