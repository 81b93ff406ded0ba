import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hindsight = (...args: string[]) =>
  spawnSync('node', [join(root, 'bin/hindsight.js'), ...args], { cwd: root, encoding: 'utf8' });
const work = mkdtempSync(join(tmpdir(), 'hindsight-cli-'));

describe('hindsight CLI', () => {
  it('generates Markdown to standard output by default', () => {
    const r = hindsight('generate', 'examples/seed-003');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Production 5xx after DEP-7781/);
    expect(r.stdout).toContain('approvals-missing');
    expect(r.stdout).toContain('outside-change-window');
  });

  it('writes JSON that names the symptom before deploy #287 (seed 000)', () => {
    const out = join(work, 'seed-000.json');
    expect(hindsight('generate', 'examples/seed-000', '-o', out).status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('symptom-precedes-change');
    const md = hindsight('generate', 'examples/seed-000').stdout;
    expect(md).toMatch(/Latency spike detected on \/checkout endpoint\.?" came 2 min before it/);
  });

  it('exits 2 with one line naming a missing bundle', () => {
    const r = hindsight('generate', 'no/such/bundle');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['hindsight: no/such/bundle: no such file or folder']);
  });

  it('exits 2 naming the file and key of a wrong manifest field', () => {
    const dir = join(work, 'bad-manifest');
    mkdirSync(dir);
    writeFileSync(join(dir, 'incident.yaml'), 'title: x\nservices: api\n');
    writeFileSync(join(dir, 't.md'), '- 12:00 deploy\n- 12:05 errors\n');
    const r = hindsight('generate', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/incident\.yaml: key 'services': expected array/);
  });

  it('lists skipped lines under data quality, and --strict turns them into exit 1', () => {
    const out = join(work, 'multi.json');
    expect(
      hindsight('generate', 'examples/checkout-multi-source', '--format', 'json', '-o', out).status,
    ).toBe(0);
    const problems = JSON.parse(readFileSync(out, 'utf8')).dataQuality.problems;
    expect(problems).toEqual([
      { file: 'alerts.jsonl', line: 6, message: 'not valid JSON' },
      { file: 'changes.csv', line: 5, message: "cannot read time 'soon'" },
    ]);
    expect(
      hindsight('generate', 'examples/checkout-multi-source', '--strict', '-o', join(work, 'm.md')).status,
    ).toBe(1);
  });

  it('lists a note on a line that was read without failing --strict', () => {
    const dir = join(work, 'noted');
    mkdirSync(dir);
    writeFileSync(join(dir, 'incident.yaml'), 'title: x\nservices: [api]\ndate: 2026-03-01\n');
    writeFileSync(
      join(dir, 't.md'),
      '# Timeline\n\n- 12:10 errors rise\n- 12:00 deploy of api v2\n- 12:20 recovered\n',
    );
    const r = hindsight('generate', dir, '--format', 'json', '--no-save', '--strict');
    expect(r.status).toBe(0);
    const q = JSON.parse(r.stdout).dataQuality;
    expect(q.linesSkipped).toBe(0);
    expect(q.problems).toEqual([expect.objectContaining({ file: 't.md', line: 4, note: true })]);
  });

  it('does not read its own earlier reports in a bundle back as evidence', () => {
    const dir = join(work, 'with-reports');
    cpSync('examples/checkout-multi-source', dir, { recursive: true });
    const before = JSON.parse(hindsight('generate', dir, '--format', 'json', '--no-save').stdout);
    for (const format of ['md', 'html', 'json'])
      expect(
        hindsight('generate', dir, '--format', format, '--no-save', '-o', join(dir, `report.${format}`))
          .status,
      ).toBe(0);
    for (const format of ['md', 'html'])
      expect(
        hindsight(
          'generate',
          dir,
          '--template',
          'sre',
          '--format',
          format,
          '--no-save',
          '-o',
          join(dir, `sre.${format}`),
        ).status,
      ).toBe(0);
    const after = JSON.parse(hindsight('generate', dir, '--format', 'json', '--no-save').stdout);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.dataQuality.filesRead).toBe(before.dataQuality.filesRead);
    const own = after.dataQuality.problems.filter((p: { message: string }) =>
      p.message.startsWith('a report Hindsight wrote'),
    );
    expect(own.map((p: { file: string }) => p.file).sort()).toEqual([
      'report.html',
      'report.json',
      'report.md',
      'sre.html',
      'sre.md',
    ]);
  });

  it('never lets a secret from the evidence into any format', () => {
    for (const format of ['md', 'html', 'json']) {
      const r = hindsight('generate', 'examples/checkout-multi-source', '--format', format);
      expect(r.stdout).not.toContain('eyJhbGciOiJIUzI1NiJ9');
      expect(r.stdout).toContain('REDACTED');
    }
  });

  it('renders a customer version without refs, hosts or people', () => {
    const r = hindsight('generate', 'examples/checkout-multi-source', '--audience', 'customer');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/DEP-9120|payments\.internal|dana/);
    expect(r.stdout).toContain('Service was fully restored at 2026-03-12 17:33:00 UTC');
  });

  it('prints the timeline as JSON with the entry shape of the report', () => {
    const r = hindsight('timeline', 'examples/seed-004', '--json');
    const { timeline, dataQuality } = JSON.parse(r.stdout);
    expect(dataQuality.linesSkipped).toBe(0);
    const deploy = timeline[0];
    expect(deploy).toMatchObject({ ts: '2024-01-15T14:00:00.000Z', kind: 'change' });
    expect(deploy.sources.map((s: { line: number }) => s.line)).toEqual([7, 19]);
  });

  it("says on stderr what a text timeline could not read, with each problem's file and line", () => {
    const dir = join(work, 'undated');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'pm.md'),
      '# Outage\n\n## Timeline\n\n- 23:55 UTC: change started\n- 23:56 UTC: connectivity lost\n- 01:30 UTC: restored\n',
    );
    const r = hindsight('timeline', dir);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('');
    expect(r.stderr).toContain('0 timeline entries from 1 file, 3 lines skipped, 3 input problems');
    expect(r.stderr).toContain("pm.md:5: time of day '23:55' has no date");
    expect(hindsight('timeline', dir, '--strict').status).toBe(1);
    // Everything read: nothing on stderr.
    expect(hindsight('timeline', 'examples/seed-004').stderr).toBe('');
  });

  it('counts what it wrote and what it could not read in words that agree with the numbers', () => {
    const dir = join(work, 'one-problem');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'events.csv'),
      'ts,kind,summary\n2026-02-10T12:06:00Z,deploy,Deploy checkout v2\nsoon,deploy,Deploy checkout v3\n',
    );
    const r = hindsight('generate', dir, '--no-save', '-o', join(work, 'one-problem.md'));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('(1 timeline entry, 1 line skipped)');
    expect(r.stderr).toContain('hindsight: 1 input problem listed under Data quality');
  });

  it('lists formats with how to export them, and shows help', () => {
    expect(hindsight('formats').stdout).toContain('markdown-timeline');
    const help = hindsight('generate', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--audience');
  });
});
