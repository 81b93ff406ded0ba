import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleReport } from '../../src/trackers/report-sample.js';
import { fakeGitHub } from '../trackers/fake-github.js';
import { fakeLinear } from '../trackers/fake-linear.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hindsight-follow-ups-cli-'));
const report = join(dir, 'report.json');
writeFileSync(report, JSON.stringify(sampleReport()));

// Asynchronous, so the test's own server answers while the command runs.
async function hindsight(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [join(root, 'bin/hindsight.js'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
    });
    return { status: 0, stdout, stderr };
  } catch (e) {
    const error = e as { code: number; stdout: string; stderr: string };
    return { status: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

let server: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('hindsight follow-ups (the built command)', () => {
  it('exits 2 with one line for a refused token, and prints the token nowhere', async () => {
    const s = await fakeGitHub();
    server = s;
    const token = 'ghp_refusedTokenEchoedByServer9';
    const r = await hindsight(
      { GITHUB_TOKEN: token },
      'follow-ups',
      report,
      '--to',
      'github',
      '--repo',
      'acme/checkout',
      '--github-url',
      s.url,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'hindsight: github acme/checkout: GITHUB_TOKEN was refused (HTTP 401); set a valid token; nothing was created\n',
    );
    expect(`${r.stdout}${r.stderr}`).not.toContain(token);
  });

  it('creates the issues in Linear, then updates them on a second run', async () => {
    const s = await fakeLinear();
    server = s;
    const args = [
      'follow-ups',
      report,
      '--to',
      'linear',
      '--team',
      'ENG',
      '--linear-url',
      `${s.url}/graphql`,
    ];
    const first = await hindsight({ LINEAR_API_KEY: s.apiKey }, ...args);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('created ENG-1 FU-001 https://linear.app/acme/issue/ENG-1\n');
    const second = await hindsight({ LINEAR_API_KEY: s.apiKey }, ...args);
    expect(second.stdout).toContain('updated ENG-2 FU-002');
    expect(s.issues).toHaveLength(2);
    expect(s.violations).toEqual([]);
  });

  it('needs a destination', async () => {
    const r = await hindsight({}, 'follow-ups', report);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "hindsight: required option '--to <destination>' not specified (run 'hindsight follow-ups --help')\n",
    );
  });
});
