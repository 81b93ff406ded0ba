import { describe, expect, it } from 'vitest';
import { announcesPlan, fieldSections } from './field-sections.js';
import { parsePostmortem } from './parse.js';

const fields = (markdown: string) =>
  fieldSections(parsePostmortem(markdown, 'pm.md')).map(({ title, kind, line, endLine }) => ({
    title,
    kind,
    line,
    endLine,
  }));

// The house template of ministryofjustice/cloud-platform's incident reports (MIT), shortened.
const HOUSE =
  '# Incident on 2023-09-18 - Lack of Disk space on nodes\n\n- **Key events**\n  - First detected: 2023-09-18 13:42\n  - Resolved 2023-09-20 19:18\n\n- **Time to repair**: 4h 12m\n\n- **Impact**: Several nodes are experiencing a lack of disk space within the cluster.\n\n- **Resolution**:\n  - Team identified that the disk space was reduced from 100Gb to 20Gb\n\n- **Review actions**:\n  - Update runbook to compare launch template changes during EKS module upgrade\n  - Investigate if we can use ipv6 to solve the IP Prefix starvation problem\n';

describe('sections written as a list of labelled fields', () => {
  it('reads each bold-labelled item of a house template as a section, its label the title', () => {
    expect(fields(HOUSE)).toEqual([
      { title: 'Key events', kind: null, line: 3, endLine: 5 },
      { title: 'Time to repair', kind: null, line: 7, endLine: 7 },
      { title: 'Impact', kind: 'impact', line: 9, endLine: 9 },
      { title: 'Resolution', kind: 'resolution', line: 11, endLine: 12 },
      { title: 'Review actions', kind: 'actionItems', line: 14, endLine: 16 },
    ]);
  });

  it('keeps the text after a label as the section’s content, the label taken off', () => {
    const [impact] = fieldSections(parsePostmortem(HOUSE, 'pm.md')).filter((s) => s.kind === 'impact');
    expect(impact.nodes.map((n) => n.type)).toEqual(['paragraph']);
    expect(JSON.stringify(impact.nodes)).not.toContain('Impact');
  });

  it('leaves a list of bold-titled points alone: sentences, no colon, or no part named', () => {
    // Items titled with sentences (an action list of bold titles and bodies).
    expect(
      fields(
        '## Next steps\n\n1. **Remove PII from automated support communications.**\n   We are updating our backend.\n1. **Re-assess our email service provider safeguards.**\n   We are evaluating providers.\n1. **Fully automate admin announcement workflows.**\n   We will reduce manual edits.\n',
      ),
    ).toEqual([]);
    // Labels with no colon over nested points, and labels naming no part of a postmortem.
    expect(fields('- **Owner**: SRE\n- **Due**: 2024-02-01\n- **Status**: open\n')).toEqual([]);
    expect(fields('- **Impact**\n  - a\n- **Timeline**\n  - b\n- **Follow-ups**\n  - c\n')).toEqual([]);
    // Labelled points under a section's heading are that section's content, not the document's outline.
    expect(
      fields(
        '# Outage\n\n## What went well\n\n- **Quick mitigation once identified**: the flag was off in minutes\n- **Cross-team collaboration**: two teams joined\n- **Effective customer remediation**: refunds went out\n',
      ),
    ).toEqual([]);
    // Two labelled items and a plain one: not an outline.
    expect(fields('- **Impact**: users\n- **Resolution**: restart\n- and a plain point\n')).toEqual([]);
  });
});

describe('a section whose paragraph announces the writers’ coming work', () => {
  const announced = (markdown: string) =>
    parsePostmortem(markdown, 'pm.md')
      .sections.filter((s) => s.depth === 2)
      .map(announcesPlan);

  it('reads the lists of instructions after "We are taking the following actions:" as the plan', () => {
    // langfuse/langfuse-docs (MIT), shortened.
    expect(
      announced(
        '# Report\n\n## Moving Forward\n\nHaving one provider as a single point of failure is unacceptable. We are taking the following concrete actions:\n\n**Infrastructure Diversification**\n\n- Assess alternatives for WAF and proxy functionality\n- Review and potentially migrate DNS management\n\n**Communication Systems**\n\n- Migrate our status page to a provider with infrastructure decoupled from it\n',
      ),
    ).toEqual([true]);
    expect(
      announced('## Next\n\nWe will make these changes:\n\n- Add a pool alert\n- Raise the pool size\n'),
    ).toEqual([true]);
  });

  it('leaves what was done or seen, lists that are no instructions, and an announcement in a subsection', () => {
    expect(
      announced(
        "## Config\n\nWe've since updated the NGINX config further:\n\n- Add comments\n- Remove the old rules\n",
      ),
    ).toEqual([false]);
    expect(
      announced('## Logs\n\nWe are seeing the following errors:\n\n- connection refused\n- pool exhausted\n'),
    ).toEqual([false]);
    expect(announced('## Logs\n\nWe discover the following log error:\n\n- Add a pool alert\n')).toEqual([
      false,
    ]);
    expect(
      announced('## Story\n\nIt broke.\n\n### Plan\n\nWe will make these changes:\n\n- Add a pool alert\n'),
    ).toEqual([false]);
  });
});
