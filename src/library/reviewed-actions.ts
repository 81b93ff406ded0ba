import type { IncidentRecord } from './record.js';
import { subjectOfRecord } from './review-subject.js';

/** Review statuses as the library's action items count them: won't-do is closed, like done. */
const AS_ACTION: Record<string, 'open' | 'in_progress' | 'done'> = {
  open: 'open',
  'in-progress': 'in_progress',
  done: 'done',
  'wont-do': 'done',
};

const field = (value: Record<string, unknown>, name: string) =>
  typeof value[name] === 'string' && value[name] ? (value[name] as string) : null;

/**
 * A record's action items with the owner, due date and status set on the review page. A generated
 * record's action items are its report's follow-ups, in order and in the same words, so the keys
 * made from either match.
 */
export function withReviewedActions(
  record: IncidentRecord,
  edits: Record<string, Record<string, unknown>>,
): IncidentRecord {
  const { followUps } = subjectOfRecord(record);
  return {
    ...record,
    actionItems: record.actionItems.map((a, i) => {
      const edit = followUps[i] && edits[followUps[i].key];
      if (!edit) return a;
      return {
        ...a,
        owner: field(edit, 'owner'),
        due: field(edit, 'due'),
        status: AS_ACTION[field(edit, 'status') ?? 'open'] ?? 'open',
      };
    }),
  };
}
