// Done-when of issue 15: the seed-002 demo run with real processes — the service, the deploy and
// rollback scripts, a real Prometheus scraping the service, and `hindsight watch` guarding the
// deploy — checked against what was done: exit status, recorded evidence, the report's moments.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectGuardedReport, type GuardedReport } from '../support/guarded-report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The command under test; HINDSIGHT_BIN runs the demo against another build. */
const bin = process.env.HINDSIGHT_BIN ?? join(root, 'bin/hindsight.js');
const PROMETHEUS = '/usr/bin/prometheus';
const hasWatch = spawnSync(process.execPath, [bin, 'watch', '--help'], { encoding: 'utf8' }).status === 0;
const skipped = !existsSync(PROMETHEUS)
  ? `skipped: ${PROMETHEUS} is not installed (CI installs the Debian package prometheus)`
  : !hasWatch
    ? 'skipped: this build has no `hindsight watch` command'
    : '';

const work = mkdtempSync(join(tmpdir(), 'hindsight-guarded-demo-'));
const out = join(work, 'bundle');
const state = join(work, 'service');
const env = { ...process.env, HINDSIGHT_DB: join(work, 'library.db') };

type Line = Record<string, unknown>;
const jsonl = (file: string): Line[] =>
  readFileSync(join(out, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
/** When each version of the service began to answer, as the release scripts logged it. */
const releases = () =>
  readFileSync(join(state, 'releases.log'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const [at, version] = l.split(' ');
      return { at: Date.parse(at), version };
    });

describe.skipIf(skipped !== '')(`the guarded-deploy demo, run for real ${skipped}`, () => {
  let status: number | null = null;
  let log = '';

  beforeAll(async () => {
    const child = spawn(
      process.execPath,
      [join(root, 'scripts/demo-guarded-deploy.mjs'), '--out', out, '--state', state, '--baseline', '5'],
      { cwd: root, env },
    );
    child.stdout.on('data', (d) => {
      log += d;
    });
    child.stderr.on('data', (d) => {
      log += d;
    });
    status = await new Promise((done) => child.on('exit', (code) => done(code)));
  }, 240_000);

  it('exits 3: rolled back and recovered, with the service and Prometheus stopped', () => {
    expect(status, log).toBe(3);
    expect(log).toContain('demo: stopped the service');
    expect(log).toContain('demo: stopped Prometheus');
    const pid = Number(
      readFileSync(join(state, 'releases.log'), 'utf8').trim().split('\n').at(-1)!.split(' ')[2],
    );
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('records the deploy, the failed and passing checks, the rollback and the Prometheus series', () => {
    const deploys = jsonl('deploys.jsonl');
    expect(deploys.map((d) => [d.kind, d.phase, d.version, d.exitCode])).toEqual([
      ['deploy', 'started', '2.0.0', null],
      ['deploy', 'finished', '2.0.0', 0],
      ['rollback', 'started', '1.0.0', null],
      ['rollback', 'finished', '1.0.0', 0],
    ]);
    const checks = jsonl('health-checks.jsonl');
    const failedWith500 = checks.filter((c) => c.ok === false && c.status === 500);
    expect(failedWith500.length).toBeGreaterThanOrEqual(3);
    expect(String(failedWith500[0].excerpt)).toContain('TypeError');
    const [, second, third] = releases();
    expect(second.version).toBe('2.0.0');
    expect(third.version).toBe('1.0.0');
    // Every check answered by 2.0.0 failed; the checks after 1.0.0 was back passed.
    for (const c of checks.filter((c) => c.status === 500)) {
      expect(Date.parse(String(c.ts))).toBeGreaterThanOrEqual(second.at - 1000);
      expect(Date.parse(String(c.ts))).toBeLessThan(third.at);
    }
    const after = checks.filter((c) => Date.parse(String(c.ts)) > third.at);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((c) => c.ok === true)).toBe(true);
    const states = jsonl('watch.jsonl').map((w) => w.state);
    expect(states).toEqual(expect.arrayContaining(['watching', 'detected', 'rolling-back', 'recovered']));
    const matrix = JSON.parse(readFileSync(join(out, 'prometheus-errorRate.json'), 'utf8'));
    const values = matrix.data.result.flatMap((r: { values: [number, string][] }) =>
      r.values.map(([, v]) => Number(v)),
    );
    expect(Math.max(...values)).toBeGreaterThan(0);
    expect(existsSync(join(out, 'incident.yaml'))).toBe(true);
    expect(readFileSync(join(out, 'postmortem.md'), 'utf8')).toContain('2.0.0');
  });

  it("writes a report whose moments are what happened: 2.0.0 the trigger, the health check's detection, the rollback, recovery", () => {
    // The evidence alone: the postmortem watch wrote beside it is not evidence of the incident.
    const evidence = join(work, 'evidence');
    cpSync(out, evidence, { recursive: true, filter: (p) => !/postmortem\.(md|html)$/.test(p) });
    const run = spawnSync(
      process.execPath,
      [join(root, 'bin/hindsight.js'), 'generate', evidence, '--format', 'json', '--no-save'],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as GuardedReport;
    const [, deployed, restored] = releases();
    const { trigger, mitigation } = expectGuardedReport(report, {
      version: '2.0.0',
      previousVersion: '1.0.0',
      requestsMeasured: true,
    });
    // The deploy started before 2.0.0 answered; the rollback started before 1.0.0 answered again.
    expect(Date.parse(report.moments.trigger!.ts)).toBeLessThanOrEqual(deployed.at);
    expect(Date.parse(report.moments.mitigationStarted!.ts)).toBeLessThanOrEqual(restored.at);
    expect(Date.parse(report.moments.mitigationStarted!.ts)).toBeGreaterThan(deployed.at);
    // Recovery is the first check 1.0.0 passed: after every check 2.0.0 failed. The release script
    // logs when 1.0.0 began to answer by polling it, so a watch check may be answered first, by up
    // to a poll; the same slack the checks above allow.
    const failed = jsonl('health-checks.jsonl')
      .filter((c) => c.status === 500)
      .map((c) => Date.parse(String(c.ts)));
    expect(Date.parse(report.moments.recovered!.ts)).toBeGreaterThan(Math.max(...failed));
    expect(Date.parse(report.moments.recovered!.ts)).toBeGreaterThanOrEqual(restored.at - 1000);
    expect(trigger.source.file).toBe('deploys.jsonl');
    expect(mitigation.source.file).toBe('deploys.jsonl');
  });
});
