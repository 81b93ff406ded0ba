import type { EventKind } from '../../model/index.js';

/** Kinds that give context rather than tell the story: drawn smaller and underneath. */
const CONTEXT_KINDS = new Set<EventKind>(['log', 'chat', 'note']);

export const isContext = (kind: EventKind) => CONTEXT_KINDS.has(kind);
export const markRadius = (kind: EventKind) => (isContext(kind) ? 4 : 5.5);

const GAP = 12;

export interface Placement {
  /** Vertical offset of each mark, in input order. */
  offsets: number[];
  /** Input indices in painting order: context first, so the story marks stay on top. */
  paintOrder: number[];
}

/**
 * Offsets within one lane so that marks close in time sit beside each other: story marks
 * (changes, alerts, pages…) claim the centre row first, context marks fill the rows around them.
 */
export function placeMarks(marks: { x: number; kind: EventKind }[], rows = [0, -8, 8]): Placement {
  const rank = (i: number) => (isContext(marks[i].kind) ? 1 : 0);
  const byPriority = marks.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || marks[a].x - marks[b].x);
  const taken = rows.map(() => new Map<number, number[]>());
  const near = (row: number, x: number) => {
    const bucket = Math.floor(x / GAP);
    return [bucket - 1, bucket, bucket + 1]
      .flatMap((b) => taken[row].get(b) ?? [])
      .filter((other) => Math.abs(other - x) < GAP).length;
  };
  const offsets = new Array<number>(marks.length);
  for (const i of byPriority) {
    const { x } = marks[i];
    const crowding = rows.map((_, row) => near(row, x));
    const row = crowding.indexOf(Math.min(...crowding));
    const bucket = Math.floor(x / GAP);
    taken[row].set(bucket, [...(taken[row].get(bucket) ?? []), x]);
    offsets[i] = rows[row];
  }
  return { offsets, paintOrder: [...byPriority].reverse().sort((a, b) => rank(b) - rank(a)) };
}
