import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../parse.js';
import { blamelessLanguage } from './blameless-language.js';

const check = (markdown: string) =>
  blamelessLanguage.check({
    doc: parsePostmortem(markdown, 'pm.md'),
    timeline: { entries: [], problems: [], statedZone: null, date: null },
    required: [],
  });

describe('blameless-language on hostile prose', () => {
  it('reads long counterfactuals and hindsight in linear time', () => {
    const hostile = [
      `## Root cause\n\nIf ${'Bob '.repeat(20_000)}had been more careful\n`,
      `## Root cause\n\nif the x had ${'checked '.repeat(20_000)}\n`,
      `## Root cause\n\n${'anyone could '.repeat(10_000)}have\n`,
      `## Root cause\n\nnever ${'bother '.repeat(20_000)}to\n`,
    ];
    const started = performance.now();
    for (const markdown of hostile) check(markdown);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
  it('names the person of a counterfactual in its finding', () => {
    const [finding] = check(
      '## Root cause\n\nIf the on-call engineer had checked the dashboard, we would have caught it.\n',
    );
    expect(finding?.message).toContain("'If the on-call engineer had …'");
  });
});
