// A guarded deploy's bundle, in the formats `hindsight watch` writes, becomes seed 002's report:
// the deploy as the trigger, detection by the health check, the rollback, recovery, all cited.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectGuardedReport, type GuardedReport } from '../support/guarded-report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const db = join(mkdtempSync(join(tmpdir(), 'hindsight-guarded-')), 'library.db');

function generate(bundle: string, format = 'json') {
  const run = spawnSync(
    'node',
    [join(root, 'bin/hindsight.js'), 'generate', bundle, '--format', format, '--no-save'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, HINDSIGHT_DB: db } },
  );
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('a guarded deploy recorded by hindsight watch', () => {
  const report = JSON.parse(generate('test/fixtures/guarded-deploy')) as GuardedReport & {
    dataQuality: { linesSkipped: number; problems: unknown[] };
  };

  it("has seed 002's moments: the deploy as trigger, detection by the health check, the rollback, recovery", () => {
    const { trigger, detected, mitigation } = expectGuardedReport(report, {
      version: '2.0.0',
      previousVersion: '1.0.0',
      deployedAt: Date.parse('2026-01-29T14:30:00Z'),
      rolledBackAt: Date.parse('2026-01-29T14:30:45.140Z'),
      requestsMeasured: true,
    });
    expect(trigger.sources?.map((s) => s.line)).toEqual([1, 2]);
    expect(detected.summary).toBe(
      'Failure detected: 3 consecutive failed checks of http://127.0.0.1:8080/health',
    );
    expect(mitigation.source).toEqual({ file: 'deploys.jsonl', line: 3 });
    expect(report.durations.detectFromTrigger).toBe(45);
    expect(report.impact.failedChecks).toBe(3);
    expect(report.dataQuality.linesSkipped).toBe(0);
  });

  it('shows the failed checks and failed requests in the Impact section', () => {
    const md = generate('test/fixtures/guarded-deploy', 'md');
    const impact = md.slice(md.indexOf('## Impact'), md.indexOf('\n## ', md.indexOf('## Impact') + 1));
    expect(impact).toMatch(/^[-*] \*\*Failed health checks:\*\* 3$/m);
    expect(impact).toMatch(/^[-*] \*\*Failed requests:\*\* \d+$/m);
  });
});
