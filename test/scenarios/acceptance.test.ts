import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the acceptance check on a folder of bundles with answer keys; every check must pass. */
function expectAllPass(scenarios: string) {
  const run = spawnSync('node', ['test/scenarios/check.mjs', '.', scenarios], {
    cwd: root,
    encoding: 'utf8',
  });
  const fails = run.stdout.split('\n').filter((l) => l.startsWith('FAIL'));
  expect(fails).toEqual([]);
  expect(run.stdout).toMatch(/acceptance: (\d+)\/\1 checks passed/);
  expect(run.status).toBe(0);
}

describe('acceptance scenarios', () => {
  it('passes every check of the answer keys for the seed bundles', () => {
    expectAllPass('test/fixtures/scenarios');
  });

  it('passes the same checks when the seed incidents come as real tools export them', () => {
    // Alertmanager, Grafana, PagerDuty and Opsgenie webhooks, GitHub deployments, Kubernetes events,
    // a Slack export and JSON logs; no Markdown timeline (test/fixtures/export-scenarios/README.md).
    expectAllPass('test/fixtures/export-scenarios');
  });

  it('passes them too from the other formats: API exports, Jira, deploy logs, syslog, access logs, metrics', () => {
    // Alertmanager API v2, PagerDuty log entries, Opsgenie REST, Statuspage, ReplicaSets, Jira with
    // changelog, deploy logs and CSVs, nginx/syslog/logfmt/winston/ECS logs, query_range metrics
    // (test/fixtures/export-scenarios-2/README.md).
    expectAllPass('test/fixtures/export-scenarios-2');
  });

  it('passes them inside a day of ordinary noise: other teams’ deploys, unrelated alerts, chatter, log volume', () => {
    // test/fixtures/export-scenarios-3/README.md lists every piece of noise and why it changes no answer.
    expectAllPass('test/fixtures/export-scenarios-3');
  });

  it('passes them with each tool’s zone and clock: local-time logs, offsets, epoch times, a drifting host', () => {
    // test/fixtures/export-scenarios-4/README.md gives each file's zone and how its instants follow.
    expectAllPass('test/fixtures/export-scenarios-4');
  });
});
