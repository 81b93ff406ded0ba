import { isBroken, readStamp } from '../time/index.js';

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
  let fenced = false;
  for (const [i, text] of lines.entries()) {
    if (/^\s{0,3}(?:```|~~~)/.test(text)) fenced = !fenced;
    const m = fenced ? null : text.match(LABEL_THEN_VALUE);
    const stamp = m && m[1].trim().split(/\s+/).length <= LABEL_WORDS ? readStamp(m[2].trim()) : null;
    if (!stamp || isBroken(stamp) || !stamp.clock || stamp.rest.trim()) {
      close();
      continue;
    }
    const { zone } = stamp;
    run.push({ line: i + 1, zoned: Boolean(zone.abbreviation || zone.iana || zone.offset !== undefined) });
  }
  close();
  return found;
}
