import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { POSTMORTEMS_DIR, postmortemFiles, seedFiles } from './corpus.js';
import { formatLintJson, formatLintText } from './format.js';
import { lintFile, lintText, requiredFromTemplateFile } from './lint.js';

const seed = (prefix: string) => seedFiles().find((f) => f.includes(`/${prefix}_`))!;

describe('lint on the seeds', () => {
  it('flags the [Date] placeholder of seed 000 on its line', async () => {
    const result = await lintFile(seed('000'));
    expect(result.findings).toContainEqual(expect.objectContaining({ rule: 'no-placeholders', line: 5 }));
  });

  it('flags every measure of seed 001 for lacking an owner', async () => {
    const owners = (await lintFile(seed('001'))).findings.filter((f) => f.rule === 'action-item-owner');
    expect(owners.map((f) => f.line)).toEqual([40, 42, 44, 46]);
  });

  it('notices that seed 000 never states the zone of its timeline', async () => {
    const result = await lintFile(seed('000'));
    expect(result.findings.filter((f) => f.rule === 'timeline-time-zone').map((f) => f.line)).toEqual([7]);
  });

  it('reports the garbled symbols of seed 002 instead of failing on them', async () => {
    const result = await lintFile(seed('002'));
    expect(result.findings.filter((f) => f.rule === 'mis-decoded-text').length).toBeGreaterThan(5);
  });

  it('scores the evidence-linked seed 003 above the unfilled template seed 004', async () => {
    const [s003, s004] = [await lintFile(seed('003')), await lintFile(seed('004'))];
    expect(s003.score).toBeGreaterThan(s004.score);
    expect(s004.findings.filter((f) => f.rule === 'no-placeholders').length).toBeGreaterThan(10);
  });
});

describe('lint on the public postmortems', () => {
  const files = postmortemFiles(POSTMORTEMS_DIR);
  it.skipIf(!files.length)(
    `reviews all ${files.length} files without a crash, each with a score`,
    async () => {
      for (const file of files) {
        const result = await lintFile(file);
        expect(result.score, file).toBeGreaterThanOrEqual(0);
        expect(result.score, file).toBeLessThanOrEqual(100);
      }
    },
  );

  it.skipIf(!files.length)(
    'finds the missing impact section and ownerless action items of a dfds report',
    async () => {
      const file = files.find((f) => f.includes('PM2021-005'))!;
      const rules = (await lintFile(file)).findings.map((f) => f.rule);
      expect(rules).toContain('required-sections');
      expect(rules.filter((r) => r === 'action-item-owner')).toHaveLength(3);
    },
  );
});

describe('lint options and output', () => {
  it("requires a team template's headings instead of the default set", async () => {
    const template = join(tmpdir(), `hindsight-template-${process.pid}.md`);
    writeFileSync(
      template,
      '# Title\n\n## What happened\n\n## Customer communication\n\n## Appendix (optional)\n',
    );
    const required = await requiredFromTemplateFile(template);
    expect(required.map((r) => r.title)).toEqual(['What happened', 'Customer communication']);
    const result = await lintText('# X\n\n## What happened\n\nx\n', 'x.md', { required });
    expect(result.findings.map((f) => f.message)).toEqual(["no 'Customer communication' section; add one"]);
  });

  it('names the file when it cannot be read', async () => {
    await expect(lintFile('/nonexistent/pm.md')).rejects.toThrow(InputError);
    await expect(lintFile('/nonexistent/pm.md')).rejects.toThrow('/nonexistent/pm.md: no such file');
  });

  it('prints one object for one file and an array for several', async () => {
    const one = await lintText('# X\n', 'a.md');
    expect(JSON.parse(formatLintJson([one]))).toMatchObject({
      file: 'a.md',
      score: 60,
      findings: expect.any(Array),
    });
    expect(JSON.parse(formatLintJson([one, one]))).toHaveLength(2);
    expect(formatLintText([one])).toContain('a.md: score 60/100');
  });
});
