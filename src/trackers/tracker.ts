import type { TrackerItem } from './follow-up-item.js';
import { type Done, TrackerError } from './tracker-error.js';

/** An issue in a tracker, as the command reports it. */
export interface Issue {
  id: string;
  key: string;
  url: string | null;
}

/** What every tracker does: find the issue a marker names, create one, update one. */
export interface Tracker {
  find(item: TrackerItem): Promise<Issue | null>;
  create(item: TrackerItem): Promise<Issue>;
  update(issue: Issue, item: TrackerItem): Promise<Issue>;
}

/**
 * Creates or updates one issue per follow-up, in order. On a failure the error carries everything
 * done before it, so the command can list it.
 */
export async function push(
  items: TrackerItem[],
  tracker: Tracker,
  { onDone = () => {} }: { onDone?: (done: Done) => void } = {},
): Promise<Done[]> {
  const done: Done[] = [];
  for (const item of items) {
    try {
      const found = await tracker.find(item);
      const issue = found ? await tracker.update(found, item) : await tracker.create(item);
      const d: Done = {
        action: found ? 'updated' : 'created',
        followUp: item.id,
        key: issue.key,
        url: issue.url,
      };
      done.push(d);
      onDone(d);
    } catch (error) {
      if (error instanceof TrackerError) error.done = done;
      throw error;
    }
  }
  return done;
}
