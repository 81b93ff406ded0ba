import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/library/index.js';
import { type VersionedService, versionedService } from '../support/versioned-service.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the built CLI without blocking this process, whose server the watch checks. */
function hindsight(args: string[], { interruptWhen }: { interruptWhen?: () => boolean } = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('node', [join(root, 'bin/hindsight.js'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const poll = interruptWhen
      ? setInterval(() => {
          if (!interruptWhen()) return;
          clearInterval(poll);
          child.kill('SIGINT');
        }, 50)
      : undefined;
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, stdout, stderr });
    });
  });
}

const FAST = [
  '--interval',
  '100ms',
  '--timeout',
  '1s',
  '--settle',
  '300ms',
  '--max-duration',
  '500ms',
  '--recover-within',
  '1s',
];
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('hindsight watch', () => {
  let svc: VersionedService;
  let dir = '';
  let db = '';
  beforeAll(async () => {
    svc = await versionedService();
  });
  afterAll(() => svc.close());
  beforeEach(() => {
    writeFileSync(join(svc.dir, 'version'), '1.0.0');
    dir = mkdtempSync(join(tmpdir(), 'hindsight-cli-watch-'));
    db = join(dir, 'library.db');
  });
  const versions = ['--service', 'checkout', '--version', '2.0.0', '--previous-version', '1.0.0'];

  /** Watching `deploy` into `out`; a recorded watch also names the versions, the library and test-speed timings. */
  function watchArgs(
    deploy: string,
    out: string,
    {
      rollback,
      recorded = true,
      extra = [],
    }: { rollback?: string; recorded?: boolean; extra?: string[] } = {},
  ) {
    return [
      'watch',
      '--health',
      svc.health,
      '--deploy',
      deploy,
      ...(rollback ? ['--rollback', rollback] : []),
      '--out',
      out,
      ...(recorded ? [...versions, '--db', db, ...FAST] : []),
      ...extra,
    ];
  }

  it('exits 0 for a healthy deploy, with a deploy-verified record, no incident and no progress when piped', async () => {
    const out = join(dir, 'bundle');
    const r = await hindsight(watchArgs(svc.switchTo('1.0.0'), out));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^hindsight: deploy verified healthy \(\d+ checks, 0 failed\); evidence in .*; wrote deploy-verified\.json\n$/,
    );
    expect(existsSync(join(out, 'deploy-verified.json'))).toBe(true);
    expect(existsSync(join(out, 'incident.yaml'))).toBe(false);
    expect(existsSync(db)).toBe(false);
  });

  it('exits 3 after rolling back a failing deploy that recovers, with incident.yaml, the report and a library entry', async () => {
    const out = join(dir, 'bundle');
    const r = await hindsight(watchArgs(svc.switchTo('2.0.0'), out, { rollback: svc.switchTo('1.0.0') }));
    expect(r.status, r.stderr).toBe(3);
    for (const f of [
      'health-checks.jsonl',
      'deploys.jsonl',
      'watch.jsonl',
      'incident.yaml',
      'postmortem.md',
      'postmortem.html',
    ])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(lines(join(out, 'watch.jsonl')).at(-1)).toMatchObject({ kind: 'watch', state: 'recovered' });
    const id = /\((WATCH-checkout-\d{8}T\d{6}Z)\)/.exec(r.stderr)?.[1];
    expect(id, r.stderr).toBeDefined();
    const library = await openLibrary(db);
    try {
      expect((await library.get(id!))?.title).toBe(
        'checkout 2.0.0 rolled back to 1.0.0 after failed health checks',
      );
    } finally {
      await library.close();
    }
  });

  it('writes the postmortem through --template, in Markdown and HTML, and refuses an unknown one before deploying', async () => {
    const out = join(dir, 'bundle');
    const r = await hindsight(
      watchArgs(svc.switchTo('2.0.0'), out, {
        rollback: svc.switchTo('1.0.0'),
        extra: ['--template', 'brief'],
      }),
    );
    expect(r.status, r.stderr).toBe(3);
    const md = readFileSync(join(out, 'postmortem.md'), 'utf8');
    expect(md.match(/^## .*/gm)).toEqual([
      '## Issue Summary',
      '## Timeline',
      '## Root Cause and Resolution',
      '## Corrective and Preventative Measures',
    ]);
    expect(readFileSync(join(out, 'postmortem.html'), 'utf8')).toContain('Root Cause and Resolution</h2>');

    const marker = join(dir, 'deployed');
    const refused = await hindsight(
      watchArgs(`touch ${marker}`, join(dir, 'b'), {
        recorded: false,
        extra: ['--template', 'no-such-template'],
      }),
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^hindsight: no-such-template: no such template/);
    expect(existsSync(marker)).toBe(false);
  });

  it('exits 4 when the rollback command fails, and still writes the incident', async () => {
    const out = join(dir, 'bundle');
    const r = await hindsight(
      watchArgs(svc.switchTo('2.0.0'), out, { rollback: 'echo cannot reach the cluster >&2; exit 1' }),
    );
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain('the rollback did not restore service');
    expect(existsSync(join(out, 'incident.yaml'))).toBe(true);
    expect(lines(join(out, 'deploys.jsonl')).at(-1)).toMatchObject({
      kind: 'rollback',
      exitCode: 1,
      output: 'cannot reach the cluster\n',
    });
  });

  it('exits 2 before deploying anything when the bundle folder cannot be written', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const marker = join(dir, 'deployed');
    const r = await hindsight(
      watchArgs(`touch ${marker}`, join(dir, 'a-file', 'bundle'), { recorded: false, extra: FAST }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `hindsight: ${join(dir, 'a-file', 'bundle')}: cannot write the bundle: a part of the path is not a folder\n`,
    );
    expect(existsSync(marker)).toBe(false);
  });

  it('exits 2 on an option it cannot use, naming it, before deploying anything', async () => {
    const marker = join(dir, 'deployed');
    const cases: Array<[string[], string]> = [
      [['--interval', 'soon'], "hindsight: --interval: 'soon' is not a duration (200ms, 5s, 2m, 1h)\n"],
      [
        ['--error-rate-above', '0.05'],
        "hindsight: --error-rate-above: needs --prometheus and --query errorRate='PromQL'\n",
      ],
    ];
    for (const [extra, said] of cases) {
      const r = await hindsight(watchArgs(`touch ${marker}`, join(dir, 'b'), { recorded: false, extra }));
      expect([r.status, r.stderr]).toEqual([2, said]);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('stops on Ctrl-C, keeping what was captured and writing the incident of a detected failure', async () => {
    const out = join(dir, 'bundle');
    const r = await hindsight(
      watchArgs(svc.switchTo('2.0.0'), out, {
        rollback: 'echo rolling back; sleep 30',
        extra: ['--failures', '2'],
      }),
      // Once the rollback is running, as a person would press Ctrl-C on a hung rollback.
      {
        interruptWhen: () =>
          existsSync(join(out, 'watch.jsonl')) &&
          readFileSync(join(out, 'watch.jsonl'), 'utf8').includes('"rolling-back"'),
      },
    );
    expect(r.status, r.stderr).toBe(130);
    expect(r.stderr).toContain('hindsight: watch stopped');
    expect(lines(join(out, 'watch.jsonl')).at(-1)).toMatchObject({ state: 'stopped' });
    expect(lines(join(out, 'deploys.jsonl')).at(-1)).toMatchObject({
      kind: 'rollback',
      phase: 'finished',
      interrupted: true,
    });
    expect(readFileSync(join(out, 'incident.yaml'), 'utf8')).toContain(
      'title: "checkout 2.0.0: failed health checks (watch stopped before the end)"',
    );
  });
});
