import { DateTime } from 'luxon';
import { normaliseZone } from '../../time/index.js';
import { classifyText } from '../../timeline/classify.js';
import type { LintRule } from '../rule.js';
import { findSection } from '../sections.js';

/** Names a change goes by: `#287`, `DEP-7781`, `v2.1.0`, `2.0.0`. */
const CHANGE_NAME = /(?:#\d+|\b[A-Z]{2,}-\d+\b|\bv?\d+\.\d+\.\d+\b)/g;

const show = (ts: number, zone: string | null) =>
  DateTime.fromMillis(ts, { zone: normaliseZone(zone ?? 'UTC') }).toFormat('HH:mm');

export const causeAfterSymptom: LintRule = {
  id: 'cause-after-symptom',
  description: 'A change the root cause blames does not come after the first symptom in the timeline.',
  cost: { each: 10, max: 10 },
  check({ doc, timeline }) {
    const section = findSection(doc.sections, 'rootCause');
    if (!section || !timeline.entries.length) return [];
    const cause = doc.lines.slice(section.line, section.endLine).join(' ');
    const blamed = new Set(cause.match(CHANGE_NAME) ?? []);
    const entries = [...timeline.entries].sort((a, b) => a.ts - b.ts);
    const change = entries.find(
      (e) =>
        classifyText(e.summary).kind === 'change' &&
        (e.summary.match(CHANGE_NAME) ?? []).some((n) => blamed.has(n)),
    );
    if (!change) return [];
    const symptom = entries.find(
      (e) => e.ts < change.ts && classifyText(e.summary).signals.includes('symptom'),
    );
    if (!symptom) return [];
    const name = (change.summary.match(CHANGE_NAME) ?? []).find((n) => blamed.has(n));
    return [
      {
        rule: 'cause-after-symptom',
        line: symptom.source.line,
        message: `the root cause blames ${name} (${show(change.ts, timeline.statedZone)}, line ${change.source.line}), but this symptom at ${show(symptom.ts, timeline.statedZone)} came before it; check the cause or the times`,
      },
    ];
  },
  examples: {
    ok: [
      '## Timeline\n\n- 12:00 UTC Deploy #287 started\n- 12:04 UTC latency spike\n\n## Root cause\n\nDeploy #287 added a slow query.\n',
    ],
    notOk: [
      {
        markdown:
          '## Timeline\n\n- 12:04 UTC latency spike alert\n- 12:06 UTC Deploy #287 triggered\n\n## Root cause\n\nDeploy #287 was faulty.\n',
        lines: [3],
      },
    ],
  },
};
