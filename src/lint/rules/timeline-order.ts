import { DateTime } from 'luxon';
import type { RawEvent } from '../../model/index.js';
import { normaliseZone } from '../../time/index.js';
import type { LintFinding, LintRule } from '../rule.js';

const show = (ts: number, zone: string | null) =>
  DateTime.fromMillis(ts, { zone: normaliseZone(zone ?? 'UTC') }).toFormat(
    ts < 86400_000 * 2 ? 'HH:mm' : 'yyyy-LL-dd HH:mm',
  );

export const timelineOrder: LintRule = {
  id: 'timeline-order',
  description: 'Timeline entries are in time order, and every timed line can be read.',
  cost: { each: 5, max: 20 },
  check({ doc, timeline }) {
    const findings: LintFinding[] = timeline.problems.map((p) => ({
      rule: 'timeline-order',
      line: p.line,
      message: p.message,
    }));
    const groups = new Map<string, RawEvent[]>();
    for (const entry of timeline.entries)
      groups.set(entry.group ?? '', [...(groups.get(entry.group ?? '') ?? []), entry]);
    for (const entries of groups.values()) {
      for (let i = 1; i < entries.length; i++) {
        const [before, entry] = [entries[i - 1], entries[i]];
        if (entry.ts >= before.ts) continue;
        findings.push({
          rule: 'timeline-order',
          line: entry.source.line,
          message: `entry at ${show(entry.ts, timeline.statedZone)} is listed after one at ${show(before.ts, timeline.statedZone)} (line ${before.source.line}); list entries in time order`,
        });
      }
    }
    if (doc.sections.some((s) => s.kind === 'timeline') && !timeline.entries.length) {
      const section = doc.sections.find((s) => s.kind === 'timeline')!;
      findings.push({
        rule: 'timeline-order',
        line: section.line,
        message: 'the timeline has no entries with a time; start each entry with its time',
      });
    }
    return findings;
  },
  examples: {
    ok: ['## Timeline\n\nAll times UTC.\n\n- 12:04 alert fired\n- 12:06 deploy rolled back\n'],
    notOk: [
      { markdown: '## Timeline\n\nAll times UTC.\n\n- 12:06 deploy\n- 12:04 alert fired\n', lines: [6] },
    ],
  },
};
