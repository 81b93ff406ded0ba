import type { LintRule } from '../rule.js';
import { statedZone } from '../stated-zone.js';

const OFFSET_IN_TIME = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/;

export const timelineTimeZone: LintRule = {
  id: 'timeline-time-zone',
  description: 'The timeline states its time zone, once for all entries or on each time.',
  cost: { each: 5, max: 5 },
  check({ doc, timeline }) {
    if (!timeline.entries.length || timeline.statedZone) return [];
    const lineText = (n: number | null) => (n ? (doc.lines[n - 1] ?? '') : '');
    const zoned = timeline.entries.every((e) => {
      const text = lineText(e.source.line);
      return OFFSET_IN_TIME.test(text) || statedZone(text.slice(0, 40)) !== null;
    });
    if (zoned) return [];
    // One problem per timeline, cited at its first timed line (where a reader meets a time without a zone).
    const first = timeline.entries.map((e) => e.source.line).find((n) => n !== null);
    const section = doc.sections.find((s) => s.kind === 'timeline');
    return [
      {
        rule: 'timeline-time-zone',
        line: first ?? section?.line ?? null,
        message:
          "the timeline does not state its time zone; write 'All times in UTC' (or the zone used) under its heading",
      },
    ];
  },
  examples: {
    ok: [
      '## Timeline\n\nAll times in UTC.\n\n- 12:04 alert fired\n',
      '## Timeline\n\n- **12:04 PST:** alert fired\n- **12:06 PST:** rollback\n',
      // A zone stated once in prose, away from the timeline, covers it.
      '# Outage\n\nAll times in CEST.\n\n## Summary\n\nThe API was down.\n\n## Timeline\n\n- 12:04 alert fired\n',
      '## Summary\n\nThe API was down; times are in UTC.\n\n## Timeline\n\n- 12:04 alert fired\n',
    ],
    notOk: [
      { markdown: '## Timeline\n\n- **12:04:** alert fired\n- **12:06:** rollback\n', lines: [3] },
      // A zone named in passing is not a statement of how the times are given.
      {
        markdown: '## Summary\n\nThe UTC cron job failed.\n\n## Timeline\n\n- 12:04 alert fired\n',
        lines: [7],
      },
    ],
  },
};
