import type { RawEvent } from '../../model/index.js';
import { type StatedDuration, statedDurations } from '../../sources/index.js';
import { classifyText } from '../../timeline/classify.js';
import { formatDuration } from '../durations.js';
import type { LintRule } from '../rule.js';

const MINUTE = 60;

/**
 * Spans a stated duration may honestly describe: from the first entry, or from any entry that
 * shows the problem (a symptom, a detection, the writer's own start-of-outage mark), to any later
 * entry (authors count to recovery, to "verified", or to closing). A timeline that opens with days
 * of background (the change that hid the bug) starts its outage later. The whole span comes first.
 */
export function timelineSpans(entries: RawEvent[]): number[] {
  if (entries.length < 2) return [];
  const sorted = [...entries].sort((a, b) => a.ts - b.ts);
  const first = sorted[0].ts;
  // A start-of-outage mark is read as a symptom too.
  const shows = sorted.filter((e) =>
    classifyText(e.summary).signals.some((s) => s === 'symptom' || s === 'detect'),
  );
  const starts = [first, ...shows.map((e) => e.ts).filter((ts) => ts !== first)];
  const spans = [(sorted[sorted.length - 1].ts - first) / 1000];
  for (const start of starts) for (const e of sorted) if (e.ts > start) spans.push((e.ts - start) / 1000);
  return spans;
}

/**
 * How far a figure may be from the truth by the rounding it shows: "2 hours" is to the half hour,
 * "40 min" to 5 minutes, "39 min" to the minute (or 1 % of a long figure); "about" doubles it.
 */
export function roundingOf(stated: Pick<StatedDuration, 'seconds' | 'unit' | 'qualifier'>): number {
  const inUnits = stated.seconds / stated.unit;
  let step = stated.unit;
  if (stated.unit >= 3600 && Number.isInteger(inUnits)) step = stated.unit;
  else if (stated.unit >= 3600) step = stated.unit / 2;
  else if (stated.unit === MINUTE && inUnits % 10 === 0) step = 10 * MINUTE;
  else if (stated.unit === MINUTE && inUnits % 5 === 0) step = 5 * MINUTE;
  const tolerance = Math.max(step / 2, MINUTE, 0.01 * stated.seconds);
  return stated.qualifier === 'about' ? 2 * tolerance : tolerance;
}

function consistent(stated: StatedDuration, span: number): boolean {
  const off = span - stated.seconds;
  const tolerance = roundingOf(stated);
  if (stated.qualifier === 'at least') return off >= -tolerance;
  if (stated.qualifier === 'at most') return off <= tolerance;
  return Math.abs(off) <= tolerance;
}

export const durationConsistent: LintRule = {
  id: 'duration-consistent',
  description: 'A duration stated in the summary or impact matches what the timeline shows.',
  cost: { each: 10, max: 10 },
  check({ doc, timeline }) {
    const spans = timelineSpans(timeline.entries);
    if (!spans.length) return [];
    const sections = doc.sections.filter((s) => s.kind === 'summary' || s.kind === 'impact');
    for (const section of sections) {
      const text = doc.lines.slice(section.line - 1, section.endLine).join('\n');
      for (const stated of statedDurations(text)) {
        if (spans.some((span) => consistent(stated, span))) continue;
        const line = section.line + text.slice(0, stated.index).split('\n').length - 1;
        return [
          {
            rule: 'duration-consistent',
            line,
            message: `'${stated.text}' (${formatDuration(stated.seconds)}) does not match the timeline, which spans ${formatDuration(spans[0])}`,
          },
        ];
      }
    }
    return [];
  },
  examples: {
    ok: [
      '## Summary\n\nThe outage lasted 20 minutes.\n\n## Timeline\n\n- 12:00 UTC alert fired\n- 12:20 UTC errors resolved\n',
      // A figure agrees within the rounding it shows: "40 min" for 39, "about 2 hours" for 1 h 52.
      '## Summary\n\nThe API was down for 40 min.\n\n## Timeline\n\n- 12:04 UTC API down\n- 12:43 UTC resolved\n',
      '## Summary\n\nThe outage lasted about 2 hours.\n\n## Timeline\n\n- 12:04 UTC API down\n- 13:56 UTC resolved\n',
      '## Summary\n\nThe outage lasted 2 hours.\n\n## Timeline\n\n- 12:00 UTC API down\n- 13:40 UTC resolved\n',
      // Counted from the writer’s own start-of-outage mark, not from an earlier, unrelated symptom.
      '## Summary\n\nDuration: 15 hours 40 minutes\n\n## Timeline (all times in UTC)\n\n### 2023-08-20\n\n15:27 - Errors start in the staging DNS resolver.\n\n### 2023-08-25\n\n21:14 - DNS configuration changes take effect. <START OF OUTAGE>\n\n### 2023-08-26\n\n12:55 - DNS configuration changes take effect. <END OF OUTAGE>\n',
    ],
    notOk: [
      {
        markdown:
          '## Summary\n\nThe outage lasted 3 hours.\n\n## Timeline\n\n- 12:00 UTC alert fired\n- 12:20 UTC errors resolved\n',
        lines: [3],
      },
      // "90 minutes" is rounded to ten minutes at most: 109 is beyond it.
      {
        markdown:
          '## Summary\n\nThe outage lasted 90 minutes.\n\n## Timeline\n\n- 12:00 UTC logs stop\n- 13:49 UTC logs shipped again\n',
        lines: [3],
      },
      // A minute-exact figure is held to the minute.
      {
        markdown:
          '## Impact\n\nThe outage lasted 27 minutes.\n\n## Timeline\n\n- 12:00 UTC API down\n- 12:31 UTC resolved\n',
        lines: [3],
      },
    ],
  },
};
