import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { seedFiles } from '../../lint/corpus.js';
import { parseMinScore, runLint } from './lint.js';

const seed = (prefix: string) => seedFiles().find((f) => f.includes(`/${prefix}_`))!;

describe('hindsight lint', () => {
  it('prints findings with file and line, then the score', async () => {
    const { text, exitCode } = await runLint([seed('000')]);
    expect(text).toContain(`${seed('000')}:5  no-placeholders  '[Date]' is a template placeholder`);
    expect(text).toMatch(/score \d+\/100/);
    expect(exitCode).toBe(0);
  });

  it('exits 1 when a file scores below --min-score', async () => {
    expect((await runLint([seed('001')], { minScore: 95 })).exitCode).toBe(1);
    expect((await runLint([seed('003')], { minScore: 50 })).exitCode).toBe(0);
  });

  it('prints an array of { file, score, findings } for several files with --json', async () => {
    const parsed = JSON.parse((await runLint([seed('000'), seed('001')], { json: true })).text);
    expect(parsed).toHaveLength(2);
    expect(parsed[1]).toMatchObject({ file: seed('001'), score: expect.any(Number) });
    // Seed 001 states its impact in its summary ("20% of users"); its measures have no owner.
    expect(parsed[1].findings[0]).toEqual({
      rule: 'action-item-owner',
      line: 40,
      message: expect.stringContaining('have no owner'),
    });
    expect(Object.keys(parsed[1].findings[1])).toEqual(['rule', 'line', 'message']);
  });

  it('rejects a score that is not 0-100 as a usage error naming the option', () => {
    expect(() => parseMinScore('abc')).toThrow(InputError);
    expect(() => parseMinScore('101')).toThrow("--min-score: '101' is not a score from 0 to 100");
    expect(parseMinScore('80')).toBe(80);
  });
});

describe('hindsight lint --template NAME', () => {
  it("requires a built-in template's sections, the names generate --template takes", async () => {
    const { text } = await runLint([seed('003')], { template: 'sre' });
    // Seed 003 is evidence-shaped: no trigger, detection or lessons, which the SRE workbook asks for.
    for (const title of ['Trigger', 'Detection', 'Lessons Learned'])
      expect(text).toContain(`required-sections  no '${title}' section; add one`);
    const evidence = await runLint([seed('003')], { template: 'evidence' });
    expect(evidence.text).not.toContain('required-sections');
  });
});
