import type { TimelineEntry } from '../../model/index.js';

export const NO_SERVICE = '(no service)';

/** The lane of an entry: its service, or one shared lane for entries without one. */
export const laneOf = (e: Pick<TimelineEntry, 'service'>) => e.service ?? NO_SERVICE;

/** Lanes in order of their first event, so the story reads top-down; the shared lane goes last. */
export function lanesOf(entries: Pick<TimelineEntry, 'service' | 'ts'>[]): string[] {
  const sorted = [...entries].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  const lanes = [...new Set(sorted.map(laneOf))];
  return [...lanes.filter((l) => l !== NO_SERVICE), ...lanes.filter((l) => l === NO_SERVICE)];
}
