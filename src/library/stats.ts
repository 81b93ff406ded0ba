import { z } from 'zod';
import { firstDate } from '../lint/index.js';
import type { IncidentRecord } from './record.js';

const Medians = z.object({
  count: z.number().int(),
  medianDetectSeconds: z.number().nullable(),
  medianAcknowledgeSeconds: z.number().nullable(),
  medianMitigateSeconds: z.number().nullable(),
});

export const LibraryStats = z.object({
  total: z.number().int(),
  byService: z.array(Medians.extend({ service: z.string() })),
  byMonth: z.array(Medians.extend({ month: z.string() })),
  /** Kinds of cause seen more than once, most frequent first. */
  recurringCauses: z.array(
    z.object({ cause: z.string(), count: z.number().int(), incidents: z.array(z.string()) }),
  ),
  /** Open follow-ups whose due date has passed. */
  overdueFollowUps: z.array(
    z.object({ incident: z.string(), action: z.string(), owner: z.string().nullable(), due: z.string() }),
  ),
});
export type LibraryStats = z.infer<typeof LibraryStats>;

export function median(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v != null).sort((a, b) => a - b);
  if (!known.length) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
}

const medians = (records: IncidentRecord[]) => ({
  count: records.length,
  medianDetectSeconds: median(records.map((r) => r.durations.detect)),
  medianAcknowledgeSeconds: median(records.map((r) => r.durations.acknowledge)),
  medianMitigateSeconds: median(records.map((r) => r.durations.mitigate)),
});

function groupBy(
  records: IncidentRecord[],
  keys: (r: IncidentRecord) => string[],
): Map<string, IncidentRecord[]> {
  const groups = new Map<string, IncidentRecord[]>();
  for (const r of records) for (const k of keys(r)) groups.set(k, [...(groups.get(k) ?? []), r]);
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** A due date as written ("2024-01-20", "Jan 20, 2024"), as YYYY-MM-DD; relative ones ("this week") are not dates. */
const dueDate = (due: string | null) => (due ? firstDate(due) : null);

/**
 * The library at a glance: per service and per month the count and median time to detect,
 * acknowledge and mitigate; causes that recur; follow-ups open past their due date.
 */
export function libraryStats(
  records: IncidentRecord[],
  { today = new Date().toISOString().slice(0, 10) }: { today?: string } = {},
): LibraryStats {
  const byService = groupBy(records, (r) => (r.services.length ? r.services : ['(no service)']));
  const byMonth = groupBy(records, (r) => (r.date ? [r.date.slice(0, 7)] : []));
  const causes = groupBy(records, (r) => (r.causeKind ? [r.causeKind] : []));
  return {
    total: records.length,
    byService: [...byService.entries()].map(([service, rs]) => ({ service, ...medians(rs) })),
    byMonth: [...byMonth.entries()].map(([month, rs]) => ({ month, ...medians(rs) })),
    recurringCauses: [...causes.entries()]
      .filter(([, rs]) => rs.length > 1)
      .map(([cause, rs]) => ({ cause, count: rs.length, incidents: rs.map((r) => r.id) }))
      .sort((a, b) => b.count - a.count),
    overdueFollowUps: records.flatMap((r) =>
      r.actionItems
        .filter((a) => a.status !== 'done')
        .map((a) => ({ a, due: dueDate(a.due) }))
        .filter(({ due }) => due != null && due < today)
        .map(({ a, due }) => ({ incident: r.id, action: a.action, owner: a.owner, due: due! })),
    ),
  };
}
