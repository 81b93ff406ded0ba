import { type StatedDuration, statedDurations } from '../sources/index.js';
import { unfencedLines } from './unfenced.js';

/** A full date and time of day as a house template writes it: "2023-09-20 19:18", "2024-09-20T11:40". */
const MOMENT = /\b(\d{4})-(\d{2})-(\d{2})[ T]([01]?\d|2[0-3])[:.]([0-5]\d)\b/;
/** A milestone field: a list item of a short label, then its moment ("- Resolved 2023-09-20 19:18", "- **Repaired**: …"). */
const MILESTONE =
  /^\s{0,8}[-*+]\s{1,3}(?:\*\*|__)?([A-Za-z][A-Za-z ]{1,40}?)(?:\*\*|__)?\s{0,2}:?\s{0,2}(?:\*\*|__)?\s{1,2}\d{4}-\d{2}-\d{2}[ T]\d{1,2}[:.]\d{2}\s{0,2}$/;
/** Words a milestone's label runs to: a name for a moment, not a sentence. */
const LABEL_WORDS = 4;
/** A duration field named after the moment it runs to: "Time to resolve", "Time to repair". */
const TIME_TO = /^time to ([a-z]{3,20})$/;

/** A moment the document dates in full, with its line. */
interface Moment {
  minutes: number;
  line: number;
}

/** A duration field whose end the document dates as a milestone, read against the moments before it. */
export interface MilestoneDuration {
  stated: StatedDuration;
  line: number;
  /** The milestone the figure runs to ("Resolved 2023-09-20 19:18"). */
  end: Moment;
  /** Every moment the document dates in full up to that milestone: the starts an author may count from. */
  starts: Moment[];
}

const minutesOf = (m: RegExpMatchArray) =>
  Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) / 60_000;

/**
 * "Time to resolve: 35h 36m" beside a milestone "Resolved 2023-09-20 19:18": a duration field
 * named after a moment the document dates as a milestone (the field's verb, the milestone's label
 * its participle: resolve → Resolved, repair → Repaired), with every moment dated in full before that
 * milestone (the other milestones, the dated entries of its account) as where it may count from.
 * A field whose moment is not dated (no "Repaired" milestone) is not read.
 */
export function milestoneDurations(lines: readonly string[]): MilestoneDuration[] {
  const moments: Moment[] = [];
  const milestones: (Moment & { label: string })[] = [];
  const fields: { stated: StatedDuration; line: number; verb: string }[] = [];
  for (const { line, text } of unfencedLines(lines)) {
    const at = text.match(MOMENT);
    if (at) {
      const moment = { minutes: minutesOf(at), line };
      moments.push(moment);
      const label = text.match(MILESTONE)?.[1]?.trim();
      if (label && label.split(/\s+/).length <= LABEL_WORDS) milestones.push({ ...moment, label });
      continue;
    }
    for (const stated of statedDurations(text)) {
      const verb = stated.name?.match(TIME_TO)?.[1];
      if (verb) fields.push({ stated, line, verb });
    }
  }
  return fields.flatMap(({ stated, line, verb }) => {
    // The milestone whose label is the participle of the field's verb: "resolve" → "Resolved".
    const stem = verb.replace(/e$/, '');
    const end = milestones.find((m) =>
      m.label
        .toLowerCase()
        .split(/\s+/)
        .some((word) => word === `${stem}ed` || word === `${verb}d`),
    );
    if (!end) return [];
    const starts = moments.filter((m) => m.minutes <= end.minutes);
    return [{ stated, line, end, starts }];
  });
}
