import { describe, expect, it } from 'vitest';
import { readHumanTimeline } from '../human-timeline.js';
import { parsePostmortem } from '../parse.js';
import { DEFAULT_REQUIRED } from '../required-set.js';
import { lintRuleList } from './index.js';
import { noPlaceholders } from './no-placeholders.js';

async function findings(markdown: string, rule = noPlaceholders) {
  const doc = parsePostmortem(markdown, 'example.md');
  return rule.check({ doc, timeline: await readHumanTimeline(doc), required: DEFAULT_REQUIRED });
}

describe('one finding per kind of slot per top-level section', () => {
  it('folds the date slots of a section and its subsections into one finding that lists the lines with a count', async () => {
    const markdown =
      '# Outage\n\n## Timeline\n\n### Day one\n\n- HH:mm - Short event description.\n- [Date] HH:mm - x\n\n### Day two\n\n- YYYY-MM-DD HH:mm - y\n';
    const found = await findings(markdown);
    expect(found.map((f) => f.message)).toEqual([
      "'HH:mm', '[Date]', 'YYYY-MM-DD' are template placeholders for a date or time, 3 times in this section (lines 7, 8, 12); replace each with the real value",
    ]);
  });

  it('takes the slots of one field, a line or a table row, as one problem', async () => {
    const markdown =
      '## Timeline\n\n| Time | Who | What |\n|---|---|---|\n| HH:mm | [Name] | [Describe what happened] |\n';
    const found = await findings(markdown);
    expect(found.map((f) => f.line)).toEqual([5]);
    expect(found[0].message).toMatch(
      /^'HH:mm', '\[Name\]', '\[Describe what happened\]' are template placeholders for a date or time;/,
    );
  });

  it('keeps one kind apart in two top-level sections, and two kinds apart in one', async () => {
    const markdown = '## Summary\n\nOn [Date] for [N] users.\n\nBy [Name].\n\n## Timeline\n\n- [Date] x\n';
    expect((await findings(markdown)).map((f) => f.line)).toEqual([3, 5, 9]);
  });

  it('leaves a placeholder in a code block, quoted as an example, or an author’s own TBD unflagged', async () => {
    const markdown =
      '## Template\n\nWrite `[Date]` as `YYYY-MM-DD`.\n\n```\nOwner: [Name]\n```\n\n## Open questions\n\n- Do we page on lag? (The threshold is TBD.)\n';
    expect(await findings(markdown)).toEqual([]);
  });
});

describe('an owner left as a template slot', () => {
  it('is one problem, under no-placeholders and not under action-item-owner', async () => {
    const markdown =
      '## Action items\n\n- Fix the config (Owner: [Name], due 2024-02-01)\n- Rotate the keys\n';
    const owner = lintRuleList.find((r) => r.id === 'action-item-owner')!;
    expect((await findings(markdown)).map((f) => [f.line, f.message.slice(0, 40)])).toEqual([
      [3, "'[Name]' is a template placeholder for a"],
    ]);
    // The item with no owner at all is still reported.
    expect((await findings(markdown, owner)).map((f) => f.line)).toEqual([4]);
  });
});
