import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/support/report.js';
import { renderMarkdown } from '../render/index.js';
import { toPostmortem } from './audience.js';
import { rootCauseSection, triggerSection } from './root-cause.js';

const oom = {
  id: 'F-001',
  rule: 'oom-kill',
  kind: 'mechanism' as const,
  severity: 'medium' as const,
  statement: 'checkout ran out of memory: its containers were OOM-killed (ALT-1).',
  evidenceRefs: ['ALT-1'],
};
const freeze = {
  id: 'F-002',
  rule: 'during-freeze',
  kind: 'policy' as const,
  severity: 'high' as const,
  statement: 'DEP-1 was made during a change freeze.',
  evidenceRefs: ['DEP-1'],
};

const suspect = {
  ref: 'DEP-1',
  service: 'payments-api',
  summary: 'Deploy payments-api v2',
  confidence: 0.9,
  reasons: ['preceded the first symptom'],
  against: [],
};

const fields = (report: ReturnType<typeof sampleReport>) =>
  [triggerSection(report), rootCauseSection(report)].flatMap((s) => {
    const block = s.blocks[0];
    return block.type === 'fields' ? block.items : [];
  });

describe('the root cause section', () => {
  it('states the trigger and, in a section of its own, the mechanism the evidence shows, each cited', () => {
    const items = fields(sampleReport({ findings: [oom, freeze], suspects: [suspect] }));
    expect(items.map(([label]) => label)).toEqual(['Trigger', 'Mechanism']);
    expect(items[0][1]).toContain('[[DEP-1]]');
    expect(items[1][1]).toContain('OOM-killed');
    expect(items[1][1]).toContain('Evidence: [[ALT-1]]');
  });

  it('says when the evidence shows no mechanism', () => {
    expect(fields(sampleReport({ findings: [freeze] }))[1][1]).toMatch(/^not in the evidence/);
  });

  it('quotes what the evidence says caused it, by file and line, beside a mechanism no record shows', () => {
    const report = sampleReport({ findings: [freeze] });
    report.narrative.cause = [
      {
        text: "The postmortem's own cause statement (pm.md:4): “A builder sent invalid blocks, which our relay processed optimistically”.",
        refs: [],
        confidence: 0.9,
      },
    ];
    const section = rootCauseSection(report);
    expect(section.blocks[0]).toMatchObject({
      type: 'fields',
      items: [['Mechanism', expect.stringMatching(/^not shown by any record: .*in words is below\.$/)]],
    });
    expect(section.blocks[1]).toEqual({
      type: 'list',
      items: [expect.stringContaining('(pm.md:4): “A builder sent invalid blocks')],
    });
    const md = renderMarkdown(toPostmortem(report, []));
    expect(md.slice(md.indexOf('## Root cause'), md.indexOf('## Decision integrity'))).toContain('pm.md:4');
  });

  it('keeps mechanisms out of decision integrity, which is about decisions', () => {
    const md = renderMarkdown(
      toPostmortem(sampleReport({ findings: [oom, freeze], suspects: [suspect] }), []),
    );
    const integrity = md.slice(md.indexOf('## Decision integrity'), md.indexOf('## Detection'));
    expect(integrity).toContain('during-freeze');
    expect(integrity).not.toContain('oom-kill');
    const rootCause = md.slice(md.indexOf('## Root cause'), md.indexOf('## Decision integrity'));
    expect(rootCause).toContain('OOM-killed');
  });
});
