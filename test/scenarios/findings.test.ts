// What the two checkout examples' reports say they found: mechanisms, follow-ups from them, the
// root cause, open questions and related incidents, as a team would read them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const db = join(mkdtempSync(join(tmpdir(), 'hindsight-findings-')), 'library.db');
const hindsight = (...args: string[]) =>
  spawnSync('node', [join(root, 'bin/hindsight.js'), ...args, '--no-save'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HINDSIGHT_DB: db },
  });

interface FollowUp {
  action: string;
  type: string;
  ownerRole: string;
  priority: string;
  evidenceRefs: string[];
}
interface Report {
  timeline: { ref: string; summary: string }[];
  findings: { rule: string; kind: string; evidenceRefs: string[] }[];
  followUps: FollowUp[];
  gaps: string[];
}

const generate = (bundle: string) => {
  const json = hindsight('generate', `examples/${bundle}`, '--format', 'json');
  expect(json.status, json.stderr).toBe(0);
  const md = hindsight('generate', `examples/${bundle}`);
  expect(md.status, md.stderr).toBe(0);
  return { report: JSON.parse(json.stdout) as Report, markdown: md.stdout };
};

let fiveTools: ReturnType<typeof generate>;
let logsMetrics: ReturnType<typeof generate>;
beforeAll(() => {
  fiveTools = generate('checkout-five-tools');
  logsMetrics = generate('checkout-logs-metrics');
});

describe('follow-ups come from what was found', () => {
  it('answer the OOM kills with memory work, and the exhausted pool with its size and timeout', () => {
    const five = fiveTools.report.followUps;
    expect(five.find((f) => f.type === 'prevent' && /memory/i.test(f.action))?.priority).toBe('high');
    expect(five.some((f) => f.type === 'detect' && /OOM kills/.test(f.action))).toBe(true);
    const pool = logsMetrics.report.followUps.find((f) => /connection pool/.test(f.action));
    expect(pool?.action).toMatch(/orders-db connection pool.*acquire timeout/);
    expect(pool?.type).toBe('prevent');
  });

  it('answer the freeze with the pipeline check, and a symptom no alert caught with an alert', () => {
    expect(fiveTools.report.followUps.some((f) => f.type === 'process' && /freeze/.test(f.action))).toBe(
      true,
    );
    expect(
      logsMetrics.report.followUps.some(
        (f) => f.type === 'detect' && /^Alert on the error rate/.test(f.action),
      ),
    ).toBe(true);
  });

  it('share no sentence between the two reports', () => {
    const words = (f: FollowUp) => f.action.replace(/\S*\d\S*/g, '#');
    const five = new Set(fiveTools.report.followUps.map(words));
    expect(logsMetrics.report.followUps.map(words).filter((a) => five.has(a))).toEqual([]);
  });

  it('each have a type, an owner role, a priority and evidence from the timeline', () => {
    for (const { report } of [fiveTools, logsMetrics]) {
      const refs = new Set(report.timeline.map((e) => e.ref));
      for (const f of report.followUps) {
        expect(['prevent', 'mitigate', 'detect', 'process']).toContain(f.type);
        expect(f.ownerRole).not.toBe('');
        expect(['high', 'medium', 'low']).toContain(f.priority);
        expect(f.evidenceRefs.length).toBeGreaterThan(0);
        expect(f.evidenceRefs.filter((r) => !refs.has(r))).toEqual([]);
      }
    }
  });
});

/** The text of one `## Title` section of a Markdown report. */
const section = (markdown: string, title: string) => {
  const start = markdown.indexOf(`## ${title}`);
  const end = markdown.indexOf('\n## ', start + 3);
  return start < 0 ? '' : markdown.slice(start, end < 0 ? undefined : end);
};

describe('the root cause states the mechanism apart from the trigger', () => {
  it('five tools: the OOM kills and the crash loop, cited, apart from the v3.8.0 deploy that set it off', () => {
    const rootCause = section(fiveTools.markdown, 'Root cause analysis');
    const trigger =
      section(fiveTools.markdown, 'Trigger')
        .split('\n')
        .find((l) => l.includes('**Trigger:**')) ?? '';
    const mechanisms = rootCause.split('\n').filter((l) => l.includes('**Mechanism:**'));
    expect(trigger).toContain('v3.8.0');
    expect(mechanisms.join('\n')).toMatch(/OOM-killed[\s\S]*Evidence: \[/);
    expect(mechanisms.join('\n')).toMatch(/crash loop/);
    expect(fiveTools.report.findings.filter((f) => f.kind === 'mechanism').map((f) => f.rule)).toEqual([
      'oom-kill',
      'crash-loop',
    ]);
  });

  it('logs and metrics: the exhausted orders-db pool, from its log template', () => {
    const mechanisms = section(logsMetrics.markdown, 'Root cause analysis')
      .split('\n')
      .filter((l) => l.includes('**Mechanism:**'));
    expect(mechanisms).toHaveLength(1);
    expect(mechanisms[0]).toContain('orders-db connection pool');
    expect(section(logsMetrics.markdown, 'Decision integrity')).not.toContain('pool-exhaustion');
  });
});

describe('related incidents match on evidence', () => {
  it("relate the two checkout examples by service, cause kind and the evidence's words, never the generator's", () => {
    const library = join(mkdtempSync(join(tmpdir(), 'hindsight-related-')), 'library.db');
    const run = (...args: string[]) =>
      spawnSync('node', [join(root, 'bin/hindsight.js'), ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, HINDSIGHT_DB: library },
      });
    expect(
      run('generate', 'examples/checkout-five-tools', '--format', 'json', '-o', join(library, '..', 'a.json'))
        .status,
    ).toBe(0);
    const out = run('generate', 'examples/checkout-logs-metrics', '--format', 'json', '--no-save');
    const report = JSON.parse(out.stdout) as Report & {
      related: { id: string; reasons: string[] }[];
      incident: { title: string };
    };
    const [five] = report.related;
    expect(five.id).toBe('INC-4821');
    expect(five.reasons).toContain('same service: checkout');
    expect(five.reasons).toContain('same kind of cause: capacity');
    const theirs = JSON.parse(readFileSync(join(library, '..', 'a.json'), 'utf8')) as typeof report;
    const evidence = (r: typeof report) =>
      [r.incident.title, ...r.timeline.map((e) => e.summary)].join(' ').toLowerCase();
    for (const word of five.reasons.find((x) => x.startsWith('similar text'))?.match(/'([^']+)'/g) ?? []) {
      expect(evidence(report)).toContain(word.slice(1, -1));
      expect(evidence(theirs)).toContain(word.slice(1, -1));
    }
  });
});
