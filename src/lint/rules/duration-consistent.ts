import type { RawEvent } from '../../model/index.js';
import { statedDurations } from '../../sources/index.js';
import { classifyText } from '../../timeline/classify.js';
import { formatDuration } from '../durations.js';
import type { LintRule } from '../rule.js';

const MINUTE = 60;

/**
 * Spans a stated duration may honestly describe: from the first entry or the first symptom to any
 * later entry (authors count to recovery, to "verified", or to closing). The whole span comes first.
 */
export function timelineSpans(entries: RawEvent[]): number[] {
  if (entries.length < 2) return [];
  const sorted = [...entries].sort((a, b) => a.ts - b.ts);
  const first = sorted[0].ts;
  const symptom = sorted.find((e) =>
    classifyText(e.summary).signals.some((s) => s === 'symptom' || s === 'detect'),
  )?.ts;
  const starts = symptom != null && symptom !== first ? [first, symptom] : [first];
  const spans = [(sorted[sorted.length - 1].ts - first) / 1000];
  for (const start of starts) for (const e of sorted) if (e.ts > start) spans.push((e.ts - start) / 1000);
  return spans;
}

const consistent = (stated: number, span: number) =>
  Math.abs(stated - span) <= Math.max(0.25 * span, 5 * MINUTE);

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
        if (spans.some((span) => consistent(stated.seconds, span))) continue;
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
    ],
    notOk: [
      {
        markdown:
          '## Summary\n\nThe outage lasted 3 hours.\n\n## Timeline\n\n- 12:00 UTC alert fired\n- 12:20 UTC errors resolved\n',
        lines: [3],
      },
    ],
  },
};
