import { describe, expect, it } from 'vitest';
import { readHumanTimeline } from '../human-timeline.js';
import { parsePostmortem } from '../parse.js';
import { DEFAULT_REQUIRED } from '../required-set.js';
import { lintRuleList } from './index.js';

async function run(ruleId: string, markdown: string) {
  const rule = lintRuleList.find((r) => r.id === ruleId)!;
  const doc = parsePostmortem(markdown, 'example.md');
  return rule.check({ doc, timeline: await readHumanTimeline(doc), required: DEFAULT_REQUIRED });
}

describe.each(lintRuleList.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it.each(rule.examples.ok.map((m, i) => [i, m] as const))(
    'finds nothing in ok example %i',
    async (_, markdown) => {
      expect(await run(id, markdown)).toEqual([]);
    },
  );

  it.each(rule.examples.notOk.map((e, i) => [i, e] as const))(
    'reports the listed lines of not-ok example %i',
    async (_, example) => {
      const findings = await run(id, example.markdown);
      expect(findings.map((f) => f.line)).toEqual(example.lines);
      for (const f of findings) {
        expect(f.rule).toBe(id);
        expect(f.message.length).toBeGreaterThan(10);
      }
    },
  );
});
