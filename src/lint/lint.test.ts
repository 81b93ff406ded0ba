import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { CORPUS_ABSENT, POSTMORTEMS_DIR, postmortemFiles, seedFiles } from './corpus.js';
import { formatLintJson, formatLintText } from './format.js';
import { lintFile, lintText, requiredFromTemplateFile } from './lint.js';

const seed = (prefix: string) => seedFiles().find((f) => f.includes(`/${prefix}_`))!;

describe('lint on the seeds', () => {
  it('flags the [Date] placeholder of seed 000 on its line', async () => {
    const result = await lintFile(seed('000'));
    expect(result.findings).toContainEqual(expect.objectContaining({ rule: 'no-placeholders', line: 5 }));
  });

  it('flags the measures of seed 001 for lacking an owner in one finding that lists their lines', async () => {
    const owners = (await lintFile(seed('001'))).findings.filter((f) => f.rule === 'action-item-owner');
    expect(owners.map((f) => f.line)).toEqual([40]);
    expect(owners[0].message).toContain('4 action items in this list (lines 40, 42, 44, 46) have no owner');
  });

  it('notices that seed 000 never states the zone of its timeline, at its first timed line', async () => {
    const result = await lintFile(seed('000'));
    expect(result.findings.filter((f) => f.rule === 'timeline-time-zone').map((f) => f.line)).toEqual([9]);
  });

  it('reports the garbled symbols of seed 002 once, naming their lines, instead of failing on them', async () => {
    const result = await lintFile(seed('002'));
    const garbled = result.findings.filter((f) => f.rule === 'mis-decoded-text');
    expect(garbled).toHaveLength(1);
    expect(Number(garbled[0].message.match(/on (\d+) lines/)?.[1])).toBeGreaterThan(5);
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
    files.length ? `reviews all ${files.length} files without a crash, each with a score` : CORPUS_ABSENT,
    async () => {
      for (const file of files) {
        const result = await lintFile(file);
        expect(result.score, file).toBeGreaterThanOrEqual(0);
        expect(result.score, file).toBeLessThanOrEqual(100);
      }
    },
  );

  it('reads the impact a dfds report states in its summary, and finds its ownerless action items in one finding', async () => {
    const fixtures = postmortemFiles(
      fileURLToPath(new URL('../../test/fixtures/postmortems/', import.meta.url)),
    );
    const file = fixtures.find((f) => f.includes('PM2021-005'))!;
    const { findings } = await lintFile(file);
    // "All services returning 503": the summary says what was hurt, so no Impact heading is missing.
    expect(findings.filter((f) => f.rule === 'required-sections').map((f) => f.message)).not.toContain(
      "no 'Impact' section; add one",
    );
    const owners = findings.filter((f) => f.rule === 'action-item-owner');
    expect(owners).toHaveLength(1);
    expect(owners[0].message).toMatch(/^3 action items in this list \(lines \d+, \d+, \d+\) have no owner/);
  });
});

describe('lint on the two documents of issue 18', () => {
  const collections = fileURLToPath(new URL('../../test/fixtures/postmortem-collections/', import.meta.url));

  it('reports the HH:mm times of dfds PM2022-006 as one unfilled placeholder listing its lines, not as timeline-order', async () => {
    const { findings } = await lintFile(
      join(collections, 'dfds__postmortems/PM2022-006 - ALB 502 errors.md'),
    );
    // Only the date with no readable year ('2021/22-??-??', line 15) is a timeline-order problem of its own.
    const order = findings.filter((f) => f.rule === 'timeline-order');
    expect(order.map((f) => f.line)).toEqual([15]);
    expect(order[0].message).toMatch(/'2021\/22-\?\?'/);
    const placeholders = findings.filter((f) => f.rule === 'no-placeholders');
    expect(placeholders).toHaveLength(1);
    expect(placeholders[0].message).toMatch(
      /'HH:mm' is a template placeholder for a date or time, 9 times in this section \(lines 13, 14,/,
    );
  });

  it('holds only the planned work of the PostHog persons-table postmortem to owner, date and verb, without blame, and names its linked timeline', async () => {
    const file = join(collections, 'PostHog__post-mortems/2025-11-15-persons-db-migration.md');
    const lines = readFileSync(file, 'utf8').split('\n');
    const { findings } = await lintFile(file);
    const planned = lines.findIndex((l) => /^#{1,4} Planned actions/.test(l)) + 1;
    // Completed remediation above the planned list, and the analysis sub-bullets of a planned item, are not action items.
    const itemRules = findings.filter((f) => /^action-item-/.test(f.rule));
    expect(itemRules.filter((f) => (f.line ?? 0) < planned)).toEqual([]);
    expect(
      itemRules.filter((f) => /read amplification|TOAST|engine limits/.test(lines[(f.line ?? 1) - 1])),
    ).toEqual([]);
    // "Downstream actions … should have been automatically corrected" is about a system, not a person.
    expect(findings.filter((f) => f.rule === 'blameless-language')).toEqual([]);
    const linked = findings.filter((f) => f.rule === 'timeline-order');
    expect(linked).toHaveLength(1);
    expect(linked[0].message).toMatch(/^the timeline is only linked: https:\/\/status\.posthog\.com\//);
  });
});

describe('a time that steps back', () => {
  it('cites the first line listed out of order, where the few times above it were the mistyped ones (volume 2026-01-16)', async () => {
    const text = [
      '# Stripe production failure',
      '',
      '**Date:** 2026-01-16',
      '',
      '## Timeline',
      '',
      '| Time (CST) | Event |',
      '|------------|-------|',
      '| ~14:53 | Stripe subscription feature merged |',
      '| ~21:00 | User reports "subscribe button" errors in production |',
      '| ~21:07 | Vercel logs show a Stripe API error |',
      '| 15:24 | `customer_creation` fix committed |',
      '| 15:54 | Race condition fix committed |',
      '| ~16:00 | Env vars set on production |',
    ].join('\n');
    const order = (await lintText(text, 'volume.md')).findings.filter((f) => f.rule === 'timeline-order');
    expect(order).toHaveLength(1);
    expect(order[0].line).toBe(12);
    expect(order[0].message).toMatch(
      /^line 10: '21:00' runs more than an hour above the 3 times written after it/,
    );
  });
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

describe('lint on changed copies of the seeds', () => {
  it('notices that seed 000 blames a deploy that came after its first symptom', async () => {
    const result = await lintFile(seed('000'));
    expect(result.findings.filter((f) => f.rule === 'cause-after-symptom')).toEqual([
      {
        rule: 'cause-after-symptom',
        line: 11,
        message:
          'the root cause blames #287 (12:06, line 12), but this symptom at 12:04 came before it; check the cause or the times',
      },
    ]);
  });

  it('accepts the 26 minutes of seed 000 but not a summary that claims 3 hours', async () => {
    const text = readFileSync(seed('000'), 'utf8');
    expect(
      (await lintText(text, 'seed-000.md')).findings.filter((f) => f.rule === 'duration-consistent'),
    ).toEqual([]);
    const changed = text.replace('lasted approximately 26 minutes', 'lasted approximately 3 hours');
    const findings = (await lintText(changed, 'seed-000.md')).findings.filter(
      (f) => f.rule === 'duration-consistent',
    );
    expect(findings.map((f) => f.line)).toEqual([5]);
    expect(findings[0].message).toContain('3 h');
  });

  it('reports a live key pasted into a seed, without repeating the key', async () => {
    const key = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`;
    const text = readFileSync(seed('003'), 'utf8').replace('## Impact', `## Impact\n\nReplayed with ${key}.`);
    const findings = (await lintText(text, 'seed-003.md')).findings.filter((f) => f.rule === 'no-secrets');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).not.toContain(key);
  });
});

describe('lint with the dfds team template', () => {
  const dir = fileURLToPath(new URL('../../test/fixtures/postmortems/dfds/', import.meta.url));

  it("requires the template's sections and finds which each report lacks", async () => {
    const required = await requiredFromTemplateFile(join(dir, 'PMyyyy-nnn - Postmortem template.md'));
    expect(required.map((r) => r.title)).toEqual([
      'Summary',
      'Timeline',
      'Contributing Factors',
      'Action Items',
      'Lessons Learned',
      'Attendees',
      'Stats',
    ]);
    const missing = async (name: string) =>
      (await lintFile(join(dir, name), { required })).findings
        .filter((f) => f.rule === 'required-sections')
        .map((f) => f.message);
    expect(await missing('PM2021-005 - All services returning 503 in Kubernetes.md')).toEqual([]);
    expect(await missing('PM2019-009 - Kubernetes network infrastructure IP starvation.md')).toEqual([
      "no 'Attendees' section; add one",
      "no 'Stats' section; add one",
    ]);
  });
});

describe('lint on a postmortem saved as an HTML page', () => {
  const page = [
    '<!DOCTYPE html>',
    '<html><head><title>Checkout outage</title><script>var t = "TODO";</script></head>',
    '<body>',
    '<h1>Checkout outage</h1>',
    '<h2>Summary</h2>',
    '<p>Checkout failed for 20 minutes after a deploy.</p>',
    '<h2>Action items</h2>',
    '<ul>',
    '<li>Add a canary stage to the checkout deploy</li>',
    '<li>Alert on the checkout error rate (<a href="https://github.com/o/r/issues/7">#7</a>)</li>',
    '</ul>',
    '</body></html>',
  ].join('\n');

  it('reviews the Markdown it shows, citing the lines of the page', async () => {
    const result = await lintText(page, 'postmortem.html');
    const owners = result.findings.filter((f) => f.rule === 'action-item-owner');
    expect(owners.map((f) => f.line)).toEqual([9]);
    expect(owners[0].message).toContain('(lines 9, 10)');
    // The linked issue schedules the second item; the first has no date, ticket or priority.
    const due = result.findings.filter((f) => f.rule === 'action-item-due-date');
    expect(due.map((f) => f.line)).toEqual([9]);
    // The script's "TODO" is nothing a reader sees.
    expect(result.findings.filter((f) => f.rule === 'no-placeholders')).toEqual([]);
  });

  it('finds the same on the page when its head states the day it was published', async () => {
    const dated = page.replace(
      '<title>',
      '<meta property="article:published_time" content="2024-05-02T08:00:00Z">\n<title>',
    );
    const findings = (r: Awaited<ReturnType<typeof lintText>>) => r.findings.map((f) => [f.rule, f.line]);
    const before = await lintText(page, 'postmortem.html');
    const after = await lintText(dated, 'postmortem.html');
    // The same findings, each a line further down, where the page's own line now is.
    expect(findings(after)).toEqual(
      findings(before).map(([rule, line]) => [rule, line == null ? line : Number(line) + 1]),
    );
  });
});
