import { describe, expect, it } from 'vitest';
import { instructionLeftovers, isInstruction } from './instruction.js';
import { parsePostmortem } from './parse.js';

const leftovers = (markdown: string) =>
  instructionLeftovers(parsePostmortem(markdown, 'pm.md')).map((l) => [l.line, l.text]);

describe('a template instruction left in', () => {
  it('takes a short "Describe …" or "List …" outside planned work, and one that points at the document', () => {
    expect(isInstruction('List the steps taken to mitigate the incident')).toBe(true);
    expect(isInstruction('Describe the impact here.')).toBe(true);
    expect(isInstruction('Add a link to the ticket here.')).toBe(true);
    expect(isInstruction('List of things that went well. For example, the alert fired on time.')).toBe(true);
    expect(isInstruction('These are only sample subheadings. Every action item should have an issue.')).toBe(
      true,
    );
  });

  // Memphis-Chains/memphis: the author shows the template a script writes, in a code block.
  it('leaves "this template:" over a code block alone, and not a sentence about this template elsewhere', () => {
    const shown =
      '## Root cause\n\n`check.sh:71-89` and `verify.sh:81-95`\nboth write JSON blocks with this template:\n\n```json\n{ "chain": "halt" }\n```\n';
    expect(leftovers(shown)).toEqual([]);
    expect(leftovers(shown.replace('```json\n{ "chain": "halt" }\n```\n', '- a\n'))).toEqual([
      [3, 'check.sh:71-89 and verify.sh:81-95 both write JSON blocks with this template:'],
    ]);
    expect(leftovers('## Summary\n\nDelete this section when done:\n\n```\nx\n```\n')).toEqual([
      [3, 'Delete this section when done:'],
    ]);
  });

  it('takes an instruction set apart in italics or a blockquote', () => {
    expect(
      leftovers('## Impact\n\n_A brief summary of who was affected._\n\n## Root cause\n\n> Explain why.\n'),
    ).toEqual([
      [3, 'A brief summary of who was affected.'],
      [7, 'Explain why.'],
    ]);
  });

  // python-discord/infra (MIT): a template whose every instruction is in italics, first under its heading.
  it('takes italic questions and imperatives opening sections as instructions once the form is the template’s', () => {
    const templated =
      '## Leadup\n\n*List the sequence of events that led to the incident*\n\n- 00:27 surge\n\n## Response\n\n*Who responded to the incident, and what obstacles did they encounter?*\n\nJoe responded.\n\n## Five whys\n\n*Run a 5-whys analysis to understand the true cause.*\n\n**Why?** A node recycle.\n\n## Timeline\n\n*All times are UTC.*\n\nSo why did it fail?\n\n*Why did the volumes not mount?*\n';
    expect(leftovers(templated)).toEqual([
      [3, 'List the sequence of events that led to the incident'],
      [9, 'Who responded to the incident, and what obstacles did they encounter?'],
      [15, 'Run a 5-whys analysis to understand the true cause.'],
    ]);
    // With no instruction known by its words, an italic question opening a section is the author's.
    expect(
      leftovers('## Response\n\n*Who responded, and what got in their way?*\n\nJoe responded.\n'),
    ).toEqual([]);
  });

  it('leaves planned work, lessons, numbered steps for readers and the author’s own account alone', () => {
    expect(isInstruction('Add an alert on pool saturation.')).toBe(false);
    // "if any" opening a condition of its own is the author's, not the template's "(if any)"
    // (milesburton/veta-trading-platform, MIT).
    expect(
      isInstruction(
        'Add a deploy-time smoke gate that fails non-zero if not every named service is healthy — the script exits 1 if any are unhealthy after 180s.',
        { planned: true },
      ),
    ).toBe(false);
    expect(isInstruction('Add the contributing factors, if any.', { planned: true })).toBe(true);
    // Advice to readers about their own systems is not about the template.
    expect(
      isInstruction(
        'If you use conda-forge in sensitive environments, please remove these artifacts from your system.',
      ),
    ).toBe(false);
    expect(isInstruction('Delete this section if it does not apply.')).toBe(true);
    expect(isInstruction('Document the failover runbook.', { planned: true })).toBe(false);
    expect(isInstruction('List the owners of every queue.', { planned: true })).toBe(false);
    expect(isInstruction('Summary of the incident: checkout failed for 40 minutes.')).toBe(false);
    expect(
      leftovers(
        '## Action items\n\n- Describe the failover in the runbook\n\n## How to cancel\n\n1. Open the wallet\n2. Enter a fee (optional)\n\n## Summary\n\nThe pool was too small and checkout failed for 40 minutes.\n',
      ),
    ).toEqual([]);
  });

  it('reads "below" or "above" before a figure as a comparison, not as pointing at the document', () => {
    expect(isInstruction('Add alerts when free disk space on a node is below 10%.', { planned: true })).toBe(
      false,
    );
    expect(isInstruction('Add alerts when queue latency goes above 2 seconds.', { planned: true })).toBe(
      false,
    );
    expect(isInstruction('Add the ticket link below.', { planned: true })).toBe(true);
  });

  it('takes prose naming the things to write by a relative clause, when it points at the author', () => {
    expect(
      isInstruction('Things that went badly. Each should become an action item. For example,', {
        planned: true,
      }),
    ).toBe(true);
    expect(isInstruction('Things that broke were the proxy and the hub.', { planned: true })).toBe(false);
  });

  it("reads an example given in planned work as the author's, and one asked for and left empty as the template's", () => {
    // jenkins-infra/documentation, 20210608-fastly-outage (MIT).
    expect(
      isInstruction(
        'Add a CI provess before Netlify (for instance ensure hugo builds without error) to avoid Pebkac as the on I did (@dduportal) and not rely of self manual test before commit',
        { planned: true },
      ),
    ).toBe(false);
    expect(isInstruction('Add a cache in front of the API (e.g. Redis).', { planned: true })).toBe(false);
    expect(isInstruction('Add action items, for example:', { planned: true })).toBe(true);
    expect(isInstruction('Add a link to the ticket (e.g. here).', { planned: true })).toBe(true);
    expect(
      isInstruction('List of things that went well. For example, alerts fired.', { planned: true }),
    ).toBe(true);
    // Outside planned work an example marker still points at the author.
    expect(isInstruction('Add a link to the ticket, for example https://tracker/1')).toBe(true);
  });

  it('reads what follows a bold label, not the label: the label names the item', () => {
    // The author's item: "Document …" is the label, the sentence after it says the work.
    expect(
      leftovers(
        '## Follow-up actions\n\n- **Document recovery runbook**: Convert this report into a playbook for future repairs.\n',
      ),
    ).toEqual([]);
    // A template's label over its instruction: the words after the label ask the author.
    expect(leftovers('## Impact\n\n**Impact**: Describe the impact here.\n')).toEqual([
      [3, 'Describe the impact here.'],
    ]);
    expect(leftovers('## Impact\n\n**Describe the impact here:**\n')).toEqual([
      [3, 'Describe the impact here:'],
    ]);
  });
});
