import { hasZoneWords, isBroken, readStamp } from '../time/index.js';
import { unfencedLines } from './unfenced.js';

/** A list item that is a short label and then a time: "- First detected 2020-08-14 10:43", "- **Resolved**: 11:38". */
const LABEL_THEN_VALUE =
  /^\s{0,8}[-*+]\s{1,3}(?:\*\*|__)?([A-Za-z][A-Za-z ]{1,40}?)(?:\*\*|__)?\s{0,2}:?\s{0,2}(?:\*\*|__)?\s{1,2}(\d.{0,60})$/;
/** Labels a milestone runs to: a few words naming a moment, not a sentence. */
const LABEL_WORDS = 4;
/** Milestones enough to be a block of them, not a time mentioned once. */
const BLOCK = 2;

/** A milestone's time of day: its line, and whether a zone is written with it. */
export interface MilestoneTime {
  line: number;
  zoned: boolean;
}

/**
 * Times of day a document gives as a block of milestones, each a list item of a short label and a
 * time ("Key events: - First detected 2022-01-22 11:57 - Resolved 2022-01-22 14:38"), with or
 * without a colon after the label: times a reader places on a clock, as a timeline's are.
 */
export function milestoneTimes(lines: string[]): MilestoneTime[] {
  const found: MilestoneTime[] = [];
  let run: MilestoneTime[] = [];
  const close = () => {
    if (run.length >= BLOCK) found.push(...run);
    run = [];
  };
  for (const { line, text } of unfencedLines(lines)) {
    // A block runs over consecutive lines: a code block between two fields ends it.
    if (run.length && run[run.length - 1].line !== line - 1) close();
    const m = text.match(LABEL_THEN_VALUE);
    const stamp = m && m[1].trim().split(/\s+/).length <= LABEL_WORDS ? readStamp(m[2].trim()) : null;
    if (!stamp || isBroken(stamp) || !stamp.clock || stamp.rest.trim()) {
      close();
      continue;
    }
    run.push({ line, zoned: hasZoneWords(stamp.zone) });
  }
  close();
  return found;
}
