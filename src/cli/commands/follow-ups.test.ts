import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeGitHub } from '../../../test/trackers/fake-github.js';
import { fakeJira } from '../../../test/trackers/fake-jira.js';
import { InputError } from '../../errors.js';
import { sampleReport } from '../../trackers/report-sample.js';
import { type FollowUpsOptions, runFollowUps } from './follow-ups.js';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-follow-ups-'));
const reportFile = join(dir, 'report.json');
writeFileSync(reportFile, JSON.stringify(sampleReport()));

type Server = { close(): Promise<void> };
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(opts: FollowUpsOptions, paths = [reportFile]) {
  let out = '';
  const error = await runFollowUps(paths, { ...opts, write: (t) => (out += t) }).then(
    () => null,
    (e) => e,
  );
  return { out, error };
}

describe('hindsight follow-ups', () => {
  it('prints what a dry run would send, method, URL and body, and never the token', async () => {
    const token = 'ghp_dryRunTokenMustNotShow1';
    const { out, error } = await run({
      to: 'github',
      repo: 'acme/checkout',
      dryRun: true,
      env: { GITHUB_TOKEN: token },
    });
    expect(error).toBeNull();
    expect(out).toContain(
      'GET https://api.github.com/repos/acme/checkout/issues?labels=hindsight&state=all&per_page=100',
    );
    expect(out.match(/^POST https:\/\/api\.github\.com\/repos\/acme\/checkout\/issues$/gm)).toHaveLength(2);
    expect(out).toContain('"title": "[INC-4821] Raise the checkout memory limit');
    expect(out).not.toContain(token);
  });

  it('dry-runs Jira and Linear without a token', async () => {
    const jira = await run({
      to: 'jira',
      jiraUrl: 'https://acme.atlassian.net',
      project: 'OPS',
      dryRun: true,
      env: {},
    });
    expect(jira.error).toBeNull();
    expect(jira.out).toContain('POST https://acme.atlassian.net/rest/api/3/search/jql');
    expect(jira.out).toContain('"type": "doc"');
    const linear = await run({ to: 'linear', team: 'ENG', dryRun: true, env: {} });
    expect(linear.error).toBeNull();
    expect(linear.out).toContain('mutation HindsightCreate');
  });

  it('prints each issue it creates, then updates them on a second run', async () => {
    const s = await fakeGitHub();
    server = s;
    const opts = {
      to: 'github' as const,
      repo: 'acme/checkout',
      githubUrl: s.url,
      env: { GITHUB_TOKEN: s.token },
    };
    expect((await run(opts)).out).toBe(
      `created #1 FU-001 ${s.url}/acme/checkout/issues/1\ncreated #2 FU-002 ${s.url}/acme/checkout/issues/2\n`,
    );
    expect((await run(opts)).out).toMatch(/^updated #1 FU-001 .*\nupdated #2 FU-002 /);
    expect(s.issues).toHaveLength(2);
  });

  it('stops with one line naming the failure and what was created before it', async () => {
    const s = await fakeGitHub({
      failWrite: { at: 2, reply: { status: 429, headers: { 'retry-after': '60' } } },
    });
    server = s;
    const { out, error } = await run({
      to: 'github',
      repo: 'acme/checkout',
      githubUrl: s.url,
      env: { GITHUB_TOKEN: s.token },
    });
    expect(out).toBe(`created #1 FU-001 ${s.url}/acme/checkout/issues/1\n`);
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('TRACKER_RATE_LIMITED');
    expect(error.message).toBe(
      'github acme/checkout: rate limited (HTTP 429); retry after 60; run the command again later, it updates what it already created; done before the failure: created #1 (FU-001)',
    );
  });

  it('never prints a token that a failing server echoes back', async () => {
    const token = 'ATATT3xEchoedTokenValue55';
    const s = await fakeJira({
      token,
      failWrite: {
        at: 1,
        reply: { status: 400, body: { errorMessages: [`rejected request with token ${token}`] } },
      },
    });
    server = s;
    const { out, error } = await run({
      to: 'jira',
      jiraUrl: s.url,
      project: 'OPS',
      env: { JIRA_EMAIL: s.email, JIRA_API_TOKEN: token },
    });
    expect(error.message).toBe(
      'jira OPS: the request was refused (HTTP 400): rejected request with token [token]; nothing was created',
    );
    expect(`${out}${error.message}${error.stack}`).not.toContain(token);
  });

  it('asks for the token before doing any work', async () => {
    const { error } = await run({ to: 'github', repo: 'acme/checkout', env: {} });
    expect(error.code).toBe('TRACKER_NO_TOKEN');
    expect(error.message).toBe(
      'github acme/checkout: set GITHUB_TOKEN in the environment (or use --dry-run)',
    );
  });

  it('writes a Jira CSV and a Markdown checklist to files', async () => {
    await run({ to: 'csv', output: join(dir, 'f.csv') });
    await run({ to: 'md', output: join(dir, 'f.md') });
    expect(readFileSync(join(dir, 'f.csv'), 'utf8')).toMatch(
      /^"Summary","Description","Issue Type","Priority"/,
    );
    expect(readFileSync(join(dir, 'f.md'), 'utf8')).toContain('- [ ] **FU-001**');
  });

  it('names the file when it is not a report', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, incident: { id: 'x', title: 't' } }));
    const { error } = await run({ to: 'md' }, [bad]);
    expect(error.message).toBe(
      `${bad}: not a report written by \`hindsight generate --format json\`: followUps: Invalid input: expected array, received undefined`,
    );
  });

  it('runs the pipeline when given a bundle folder', async () => {
    const { error } = await run({ to: 'md', output: join(dir, 'bundle.md') }, [
      'examples/checkout-five-tools',
    ]);
    expect(error).toBeNull();
    expect(readFileSync(join(dir, 'bundle.md'), 'utf8')).toMatch(
      /^# Follow-ups: Checkout 502s after checkout v3\.8\.0\n\n- \[ \] \*\*FU-001\*\*/,
    );
  });
});
