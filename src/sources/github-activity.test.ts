import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../generate.js';
import type { RawEvent } from '../model/index.js';
import { classify } from '../timeline/classify.js';
import { githubActivity } from './github-activity.js';
import { githubDeployments } from './github-deployments.js';
import { githubIssues } from './github-issues.js';
import { detectSource } from './index.js';
import { fixture, open, openText, readFile, readWith, samples } from './test-kit.js';

/** The real octokit deliveries sit with the deployment ones; the derived shapes in their own folder. */
const real = (name: string) => fixture('github-deployments', `api.github.com__${name}.json`);
const derived = (name: string) => fixture('github-activity', name);
const load = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
/** A delivery as parsed, to change in place. */
type Delivery = ReturnType<typeof load>;
const iso = (ts: number) => new Date(ts).toISOString();
const rows = (events: RawEvent[]) => events.map((e) => [iso(e.ts), e.kind, e.ref, e.summary]);
const lines = (...values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n');

/** The derived push to master, with the changes a test needs. */
function push(change: (p: Delivery) => void = () => {}) {
  const p = load(derived('derived__push__default-branch.payload.json'));
  change(p);
  return p;
}

/** A commit of a push, like the real one of octokit's `push/with-new-branch` example. */
function commit(id: string, message: string, timestamp: string) {
  return { ...push().head_commit, id, message, timestamp };
}

/** The real workflow run delivery, its run changed as a test needs. */
function runDelivery(change: (r: Delivery, p: Delivery) => void = () => {}) {
  const p = load(real('workflow_run__completed.payload'));
  change(p.workflow_run, p);
  return p;
}

/** Another run of the same workflow: its id, and the API address that names it. */
function renumber(run: Delivery, id: number) {
  return Object.assign(run, { id, url: String(run.url).replace(/\d+$/, String(id)) });
}

describe('github-activity: push', () => {
  it('reads the real tag deletion as a note at the repository pushed_at', async () => {
    const { events, problems } = await readFile(githubActivity, real('push__payload'));
    expect(problems).toEqual([]);
    expect(rows(events)).toEqual([
      [
        '2019-05-15T15:20:57.000Z',
        'note',
        'gh-push-Hello-World-simple-tag-deleted-6113728',
        'Tag simple-tag deleted from Hello-World (was 6113728)',
      ],
    ]);
    expect(events[0]).toMatchObject({ service: 'Hello-World', signals: [], source: { line: 1 } });
    expect(events[0].attrs).toMatchObject({
      before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      ref: 'refs/tags/simple-tag',
      tag: 'simple-tag',
      deleted: true,
      author: 'Codertocat',
    });
    expect(events[0].attrs?.sha).toBeUndefined();
  });

  it('reads a push to the default branch as a change at the time it was pushed, not when its commit was written', async () => {
    const { events, problems } = await readFile(
      githubActivity,
      derived('derived__push__default-branch.payload.json'),
    );
    expect(problems).toEqual([]);
    expect(rows(events)).toEqual([
      [
        '2019-05-15T15:20:57.000Z',
        'change',
        'gh-push-Hello-World-6113728',
        'Push to Hello-World master (new branch): 1 commit, head 6113728 "Initial commit"',
      ],
    ]);
    expect(events[0].signals).toBeUndefined();
    expect(events[0].attrs).toMatchObject({
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      ref: 'refs/heads/master',
      branch: 'master',
      repository: 'Codertocat/Hello-World',
      author: 'Codertocat',
      commits: 1,
      created: true,
      committedAt: '2019-05-15T15:19:25Z',
    });
    expect(classify(events[0])).toEqual({ kind: 'change', signals: [] });
  });

  it('tells commits, the latest when no head commit is named, and a revert as a rollback', async () => {
    const three = push((p) => {
      p.before = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';
      p.after = 'cccccccccccccccccccccccccccccccccccccccc';
      p.created = false;
      p.commits = [
        commit('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'Add the cache', '2026-02-10T12:01:00Z'),
        commit(
          'cccccccccccccccccccccccccccccccccccccccc',
          'Tune the cache\n\nLonger words.',
          '2026-02-10T12:05:00Z',
        ),
        commit('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'Test the cache', '2026-02-10T12:03:00Z'),
      ];
      p.head_commit = null;
      // No push time: the latest commit's time stands for it.
      p.repository.pushed_at = null;
    });
    const revert = push((p) => {
      p.before = 'cccccccccccccccccccccccccccccccccccccccc';
      p.after = 'dddddddddddddddddddddddddddddddddddddddd';
      p.created = false;
      p.head_commit = commit(
        p.after,
        'Revert "Tune the cache"\n\nThis reverts commit cccccc.',
        '2026-02-10T12:20:00Z',
      );
      // Written at 12:20, pushed at 12:21.
      p.repository.pushed_at = Date.parse('2026-02-10T12:21:00Z') / 1000;
    });
    const { events, problems } = await readWith(githubActivity, await openText(lines(three, revert)));
    expect(problems).toEqual([]);
    expect(rows(events)).toEqual([
      [
        '2026-02-10T12:05:00.000Z',
        'change',
        'gh-push-Hello-World-ccccccc',
        'Push to Hello-World master: 3 commits, head ccccccc "Tune the cache"',
      ],
      [
        '2026-02-10T12:21:00.000Z',
        'rollback',
        'gh-push-Hello-World-ddddddd',
        'Push to Hello-World master: 1 commit, head ddddddd "Revert "Tune the cache""',
      ],
    ]);
    expect(events.map((e) => e.source.line)).toEqual([1, 2]);
    expect(classify(events[1])).toEqual({ kind: 'rollback', signals: ['mitigation'] });
  });

  it('takes a tag for a change and a push to another branch for a note that signals nothing', async () => {
    const tag = push((p) => {
      p.ref = 'refs/tags/v1.0.0';
    });
    const topic = push((p) => {
      p.ref = 'refs/heads/fix-cache';
      p.head_commit.message = 'Revert "Tune the cache"';
    });
    const older = push((p) => {
      p.ref = 'refs/heads/trunk';
      p.repository.default_branch = undefined;
      p.repository.master_branch = 'trunk';
    });
    const { events } = await readWith(githubActivity, await openText(lines(tag, topic, older)));
    expect(events.map((e) => [e.kind, e.ref, e.summary, e.signals])).toEqual([
      [
        'change',
        'gh-push-Hello-World-v1-0-0-6113728',
        'Tag v1.0.0 pushed to Hello-World: head 6113728 "Initial commit"',
        undefined,
      ],
      [
        'note',
        'gh-push-Hello-World-fix-cache-6113728',
        'Push to Hello-World fix-cache (new branch): 1 commit, head 6113728 "Revert "Tune the cache""',
        [],
      ],
      [
        'change',
        'gh-push-Hello-World-6113728',
        'Push to Hello-World trunk (new branch): 1 commit, head 6113728 "Initial commit"',
        undefined,
      ],
    ]);
  });

  it('skips a deletion that names no time, with its line', async () => {
    const deletion = load(real('push__payload'));
    deletion.repository.pushed_at = null;
    const { events, problems } = await readWith(
      githubActivity,
      await openText(lines(push(), deletion), 'pushes.jsonl'),
    );
    expect(events).toHaveLength(1);
    expect(problems).toEqual([
      {
        line: 2,
        message:
          'GitHub push to Codertocat/Hello-World simple-tag has no readable repository pushed_at nor head commit timestamp',
      },
    ]);
  });
});

describe('github-activity: pull requests', () => {
  it('reads the real closed, unmerged pull request as a ticket at closed_at', async () => {
    const { events, problems } = await readFile(githubActivity, real('pull_request__closed.payload'));
    expect(problems).toEqual([]);
    expect(rows(events)).toEqual([
      [
        '2019-05-15T15:21:18.000Z',
        'ticket',
        'gh-pr-Hello-World-2-closed-1557933678',
        'pull request #2 closed: Update the README with new information.',
      ],
    ]);
    expect(events[0].attrs).toMatchObject({
      number: 2,
      action: 'closed',
      base: 'master',
      user: 'Codertocat',
    });
  });

  it('reads a merged pull request as a change at merged_at', async () => {
    const { events, problems } = await readFile(
      githubActivity,
      derived('derived__pull_request__merged.payload.json'),
    );
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        ts: Date.parse('2019-05-15T15:21:18Z'),
        kind: 'change',
        service: 'Hello-World',
        ref: 'gh-pr-Hello-World-2',
        summary: 'Merged pull request #2 into master: Update the README with new information.',
        source: { file: 'derived__pull_request__merged.payload.json', line: 1 },
      }),
    ]);
    expect(events[0].attrs).toMatchObject({
      sha: 'c4295bd74fb0f4fda03689c3df3f2803b658fd85',
      number: 2,
      repository: 'Codertocat/Hello-World',
      author: 'Codertocat',
      head: 'changes',
    });
  });

  it('takes a revert for a rollback, a merge elsewhere for a note, and skips actions of no bearing', async () => {
    const merged = () => load(derived('derived__pull_request__merged.payload.json'));
    const revert = merged();
    revert.pull_request.title = 'Revert "Update the README with new information."';
    const elsewhere = merged();
    elsewhere.pull_request.base.ref = 'release-1.x';
    const opened = load(real('pull_request__closed.payload'));
    opened.action = 'opened';
    const labeled = { ...merged(), action: 'labeled' };
    const text = lines(revert, elsewhere, opened, labeled);
    const { events, problems } = await readWith(githubActivity, await openText(text, 'pulls.jsonl'));
    expect(rows(events)).toEqual([
      [
        '2019-05-15T15:20:33.000Z',
        'ticket',
        'gh-pr-Hello-World-2-opened',
        'pull request #2 opened: Update the README with new information.',
      ],
      [
        '2019-05-15T15:21:18.000Z',
        'rollback',
        'gh-pr-Hello-World-2',
        'Merged pull request #2 into master: Revert "Update the README with new information."',
      ],
    ]);
    // The merge into another branch has the merge's ref too: the first record of it stands.
    const alone = await readWith(githubActivity, await openText(lines(elsewhere)));
    expect(alone.events.map((e) => [e.kind, e.summary, e.signals])).toEqual([
      ['note', 'Merged pull request #2 into release-1.x: Update the README with new information.', []],
    ]);
    expect(problems).toEqual([
      {
        line: 4,
        message:
          'GitHub pull_request "labeled" delivery for Codertocat/Hello-World#2: only opened, closed, reopened and merged are read',
      },
    ]);
  });

  it('reads the REST pulls list: the merge of a merged one, the opening and closing of another', async () => {
    const path = derived('derived__rest__pulls.json');
    expect(detectSource(await open(path))?.name).toBe('github-activity');
    const { events, problems } = await readFile(githubActivity, path);
    expect(problems).toEqual([]);
    expect(rows(events)).toEqual([
      [
        '2019-05-15T15:20:33.000Z',
        'ticket',
        'gh-pr-Hello-World-2-opened',
        'pull request #2 opened: Update the README with new information.',
      ],
      [
        '2019-05-15T15:21:18.000Z',
        'ticket',
        'gh-pr-Hello-World-2-closed-1557933678',
        'pull request #2 closed: Update the README with new information.',
      ],
      [
        '2019-05-15T15:40:00.000Z',
        'change',
        'gh-pr-Hello-World-3',
        'Merged pull request #3 into master: Fix the spelling error in the README',
      ],
    ]);
    expect(events[2]).toMatchObject({ service: 'Hello-World', source: { line: 2 } });
    expect(events[2].attrs).toMatchObject({
      sha: '3b1f6a2c9d8e7f60514a3b2c1d0e9f8a7b6c5d4e',
      author: 'Codertocat',
      repository: 'Codertocat/Hello-World',
    });
    expect(events[0].source.line).toBeGreaterThan(2);
  });

  it('skips a merge that names no time, at its line', async () => {
    const list = load(derived('derived__rest__pulls.json'));
    list[0].merged_at = 'soon';
    const { events, problems } = await readWith(
      githubActivity,
      await openText(JSON.stringify(list, null, 2)),
    );
    expect(events.map((e) => e.ref)).toEqual([
      'gh-pr-Hello-World-2-opened',
      'gh-pr-Hello-World-2-closed-1557933678',
    ]);
    expect(problems).toEqual([
      {
        line: 2,
        message: 'GitHub pull request Codertocat/Hello-World#3 was merged but has no readable merged_at',
      },
    ]);
  });
});

describe('github-activity: workflow runs', () => {
  it('reads the real CI run as a note of its result that signals nothing', async () => {
    const { events, problems } = await readFile(githubActivity, real('workflow_run__completed.payload'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        ts: Date.parse('2020-10-05T16:33:49Z'),
        kind: 'note',
        service: 'octo-repo',
        ref: 'gh-run-289782451',
        summary: 'Workflow "test" run #163 on master: success',
        signals: [],
      }),
    ]);
    expect(events[0].attrs).toMatchObject({
      runId: 289782451,
      sha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
      branch: 'master',
      conclusion: 'success',
      repository: 'octo-org/octo-repo',
      finishedAt: '2020-10-05T16:33:49Z',
      deploys: false,
    });
  });

  it('reads the REST runs list: a deploy that succeeded is a change at its start, a CI run a note', async () => {
    const path = derived('derived__rest__runs.json');
    expect(detectSource(await open(path))?.name).toBe('github-activity');
    const { events, problems } = await readFile(githubActivity, path);
    expect(problems).toEqual([]);
    expect(rows(events)).toEqual([
      ['2020-10-05T16:33:49.000Z', 'note', 'gh-run-289782451', 'Workflow "test" run #163 on master: success'],
      [
        '2020-10-05T16:34:02.000Z',
        'change',
        'gh-run-289790123',
        'Deploy octo-repo master@3484a3f by workflow "deploy" run #41 (success): build(test): check workflow run event payload',
      ],
    ]);
    expect(events[1].attrs).toMatchObject({
      finishedAt: '2020-10-05T16:36:40Z',
      sha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
      branch: 'master',
      conclusion: 'success',
      runId: 289790123,
      repository: 'octo-org/octo-repo',
      workflow: 'deploy',
    });
    // Each run cites its own place in the page: the deploy first, the CI run after it.
    expect(events[1].source.line!).toBeLessThan(events[0].source.line!);
  });

  it('reads a bare array of runs, and a run delivered at each status as its latest', async () => {
    const { workflow_runs: runs } = load(derived('derived__rest__runs.json'));
    const array = await readWith(githubActivity, await openText(JSON.stringify(runs)));
    expect(array.events.map((e) => e.ref)).toEqual(['gh-run-289782451', 'gh-run-289790123']);

    const at = (status: string, conclusion: string | null, updated: string) =>
      runDelivery((r, p) => {
        p.action = status === 'completed' ? 'completed' : status === 'queued' ? 'requested' : 'in_progress';
        Object.assign(r, { status, conclusion, updated_at: updated });
      });
    const text = lines(
      at('queued', null, '2020-10-05T16:33:30Z'),
      at('completed', 'failure', '2020-10-05T16:35:00Z'),
      at('in_progress', null, '2020-10-05T16:33:49Z'),
    );
    const { events } = await readWith(githubActivity, await openText(text, 'runs.jsonl'));
    expect(events.map((e) => [e.ref, e.summary, e.source.line])).toEqual([
      ['gh-run-289782451', 'Workflow "test" run #163 on master: failure', 2],
    ]);
  });

  it('tells a deploy that did not succeed as a note, and a deploy of a revert as a rollback', async () => {
    const deploy = (change: (r: Delivery) => void) =>
      runDelivery((r, p) => {
        p.workflow.name = 'Deploy to production';
        r.path = '.github/workflows/cd.yml';
        change(r);
      });
    const failed = deploy((r) => {
      r.conclusion = 'failure';
    });
    const cancelled = deploy((r) => {
      renumber(r, 7);
      r.conclusion = 'cancelled';
    });
    const running = deploy((r) => {
      renumber(r, 8);
      r.status = 'in_progress';
      r.conclusion = null;
    });
    const revert = deploy((r) => {
      renumber(r, 9);
      r.display_title = 'Revert "Tune the cache"';
      r.head_commit.message = 'Revert "Tune the cache"';
    });
    const { events } = await readWith(
      githubActivity,
      await openText(lines(failed, cancelled, running, revert)),
    );
    expect(events.map((e) => [e.kind, e.summary])).toEqual([
      ['note', 'Workflow "Deploy to production" run #163 on master: failure (deploy not completed)'],
      ['note', 'Workflow "Deploy to production" run #163 on master: cancelled (deploy not completed)'],
      ['note', 'Workflow "Deploy to production" run #163 on master: in progress'],
      [
        'rollback',
        'Rollback deploy of octo-repo master@3484a3f by workflow "Deploy to production" run #163 (success): Revert "Tune the cache"',
      ],
    ]);
    expect(events.map((e) => e.ref)).toEqual(['gh-run-289782451', 'gh-run-7', 'gh-run-8', 'gh-run-9']);
    expect(events[3].attrs?.finishedAt).toBe('2020-10-05T16:33:49Z');
    expect(events[2].attrs?.finishedAt).toBeUndefined();
  });

  it("does not take a CI run for a deploy because its commit's message speaks of one", async () => {
    const ci = runDelivery((r) => {
      r.display_title = 'Fix the deploy script for production';
      r.head_commit.message = 'Fix the deploy script for production';
    });
    const named = runDelivery((r) => {
      renumber(r, 2);
      r.event = 'workflow_dispatch';
      r.display_title = 'Release v2.14.0';
    });
    const { events } = await readWith(githubActivity, await openText(lines(ci, named)));
    expect(events.map((e) => [e.ref, e.kind])).toEqual([
      ['gh-run-289782451', 'note'],
      ['gh-run-2', 'change'],
    ]);
  });

  it('recognises a pretty-printed runs page longer than the sample', async () => {
    const { workflow_runs: runs } = load(derived('derived__rest__runs.json'));
    const many = Array.from({ length: 12 }, (_, i) =>
      renumber({ ...runs[1], node_id: `WFR_${i}` }, 1000 + i),
    );
    const text = JSON.stringify({ total_count: many.length, workflow_runs: many }, null, 2);
    expect(text.length).toBeGreaterThan(64 * 1024);
    const input = await openText(text, 'runs.json');
    expect(githubActivity.detect(input)).toBe(true);
    const { events, problems } = await readWith(githubActivity, input);
    expect(problems).toEqual([]);
    expect(events).toHaveLength(12);
    expect(new Set(events.map((e) => e.source.line)).size).toBe(12);
  });
});

describe('github-activity: statuses and deployment reviews', () => {
  it('reads the real commit status as a note that signals nothing', async () => {
    const { events, problems } = await readFile(githubActivity, real('status__payload'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        ts: Date.parse('2019-05-15T15:20:55Z'),
        kind: 'note',
        service: 'Hello-World',
        ref: 'gh-status-6805126730',
        summary: 'Commit status default success on 6113728',
        signals: [],
      }),
    ]);
    expect(events[0].attrs).toMatchObject({ state: 'success', branches: ['master', 'changes', 'gh-pages'] });
    const described = load(real('status__payload'));
    Object.assign(described, { state: 'failure', description: 'Build failed\nsee the log' });
    const read = await readWith(githubActivity, await openText(JSON.stringify(described)));
    expect(read.events[0].summary).toBe('Commit status default failure on 6113728: Build failed');
    // A pending or passing status is routine, of its check; a failing one is not.
    expect(events[0].attrs).toMatchObject({ object: 'Commit status default', routine: true, streak: true });
    expect(read.events[0].attrs?.routine).toBeUndefined();
    expect(read.events[0].attrs?.object).toBe('Commit status default');
  });

  it('reads the real deployment review request as an action at since, an approval at the job update', async () => {
    const { events, problems } = await readFile(githubActivity, real('deployment_review__requested.payload'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        ts: Date.parse('2023-07-04T09:28:15Z'),
        kind: 'action',
        service: 'sample-app',
        ref: 'gh-review-5453085689-TST-requested',
        summary: 'Deployment to TST: review requested by ilmax (reviewers: admins)',
      }),
    ]);
    expect(events[0].attrs).toMatchObject({ environment: 'TST', runId: 5453085689, reviewers: ['admins'] });

    const approved = load(real('deployment_review__requested.payload'));
    Object.assign(approved, { action: 'approved', approver: approved.requestor, comment: 'ship it' });
    approved.workflow_job_run.updated_at = '2023-07-04T09:31:00Z';
    const dismissed = { ...approved, action: 'dismissed' };
    const read = await readWith(githubActivity, await openText(lines(approved, dismissed)));
    expect(rows(read.events)).toEqual([
      [
        '2023-07-04T09:31:00.000Z',
        'action',
        'gh-review-5453085689-TST-approved',
        'Deployment to TST: approved by ilmax: ship it',
      ],
    ]);
    expect(read.problems).toEqual([
      {
        line: 2,
        message:
          'GitHub deployment_review "dismissed" delivery: only requested, approved and rejected are read',
      },
    ]);
  });
});

describe('github-activity: detection and damage', () => {
  const GITHUB = [
    ...samples('github-deployments'),
    ...samples('github-issues'),
    ...samples('github-activity'),
    ...samples(join('export-scenarios', 'seed-003', 'github')),
  ];
  const ACTIVITY =
    /__(push|pull_request|workflow_run|status|deployment_review)__|^derived__(push|pull_request|rest__pulls|rest__runs)/;

  it('claims the repository activity among all GitHub samples, and the other GitHub sources leave it', async () => {
    for (const path of GITHUB) {
      const input = await open(path);
      const ours = ACTIVITY.test(basename(path)) && !path.includes('/github-issues/');
      expect(githubActivity.detect(input), path).toBe(ours);
      if (!ours) continue;
      expect(githubDeployments.detect(input), path).toBe(false);
      expect(githubIssues.detect(input), path).toBe(false);
      expect(detectSource(input)?.name, path).toBe('github-activity');
    }
  });

  it('reads long hostile fields in linear time', async () => {
    const words = 'deploy-x '.repeat(40_000);
    const hostile = [
      push((p) => {
        p.ref = `refs/heads/${'-a'.repeat(60_000)}`;
        p.head_commit.message = words;
      }),
      runDelivery((r, p) => {
        p.workflow.name = words;
        r.display_title = words;
        r.path = '/'.repeat(100_000);
      }),
      { ...load(real('status__payload')), context: ' '.repeat(100_000), description: words },
    ];
    const started = performance.now();
    const { events } = await readWith(githubActivity, await openText(lines(...hostile)));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(events).toHaveLength(3);
    expect(events.every((e) => (e.ref ?? '').length < 80)).toBe(true);
  });

  it('skips a record of another kind at its line, and reports a truncated delivery', async () => {
    const issue = load(real('issues__opened.payload'));
    const { events, problems } = await readWith(
      githubActivity,
      await openText(lines(push(), issue), 'mixed.jsonl'),
    );
    expect(events).toHaveLength(1);
    expect(problems).toEqual([
      {
        line: 2,
        message:
          'not a GitHub push, pull_request, workflow_run, status or deployment_review delivery, REST pull request or workflow run',
      },
    ]);
    const cut = readFileSync(real('workflow_run__completed.payload'), 'utf8').slice(0, 400);
    expect((await readWith(githubActivity, await openText(cut))).problems[0].message).toMatch(
      /^truncated JSON/,
    );
  });
});

describe('github-activity in a report', () => {
  it('shows a merge minutes before an alert as a change and as a suspect', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-ga-')), 'bundle');
    mkdirSync(dir);
    writeFileSync(join(dir, 'incident.yaml'), 'id: INC-7\ntitle: Fire after the README change\n');
    const merge = load(derived('derived__pull_request__merged.payload.json'));
    // The alert fired at 2018-11-04T21:43:58Z: the merge is moved to six minutes before it.
    merge.pull_request.merged_at = '2018-11-04T21:38:00Z';
    merge.pull_request.closed_at = '2018-11-04T21:38:00Z';
    writeFileSync(join(dir, 'merge.json'), JSON.stringify(merge, null, 2));
    writeFileSync(
      join(dir, 'alert.json'),
      readFileSync(fixture('alertmanager', 'alertmanager-bot__firing.json')),
    );
    const { report } = await generate([dir], { library: false, format: 'json' });
    expect(report.dataQuality.problems).toEqual([]);
    const change = report.timeline.find((e) => e.ref === 'gh-pr-Hello-World-2');
    expect(change).toMatchObject({
      ts: '2018-11-04T21:38:00.000Z',
      kind: 'change',
      summary: 'Merged pull request #2 into master: Update the README with new information.',
      source: { file: 'merge.json', line: 1 },
    });
    expect(report.timeline.some((e) => e.kind === 'alert')).toBe(true);
    expect(report.suspects.map((s) => s.ref)).toContain('gh-pr-Hello-World-2');
  });

  it("folds a workflow's passing runs into one entry until one fails, keeping deploys and failures", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-ga-')), 'bundle');
    mkdirSync(dir);
    writeFileSync(join(dir, 'incident.yaml'), 'id: INC-8\ntitle: Tests went red\n');
    const { workflow_runs: real } = load(derived('derived__rest__runs.json'));
    const [deploy, test] = real[0].name === 'deploy' ? real : [real[1], real[0]];
    // A REST page of a day's runs: the real CI run every 40 minutes, two of them failing, a deploy among them.
    const at = (run: Delivery, id: number, minutes: number, conclusion: string) => {
      const ts = new Date(Date.parse('2020-10-05T08:00:00Z') + minutes * 60_000).toISOString();
      return renumber(
        {
          ...structuredClone(run),
          run_number: id,
          conclusion,
          run_started_at: ts,
          created_at: ts,
          updated_at: ts,
        },
        id,
      );
    };
    const runs = [
      ...[0, 40, 80, 120].map((m, i) => at(test, 100 + i, m, 'success')),
      at(deploy, 200, 130, 'success'),
      ...[160, 200, 240, 280].map((m, i) => at(test, 104 + i, m, 'success')),
      at(test, 108, 320, 'failure'),
      ...[360, 400].map((m, i) => at(test, 109 + i, m, 'success')),
    ];
    writeFileSync(
      join(dir, 'runs.json'),
      JSON.stringify({ total_count: runs.length, workflow_runs: runs }, null, 2),
    );
    const { report } = await generate([dir], { library: false, format: 'json' });
    expect(report.dataQuality.problems).toEqual([]);
    expect(
      report.timeline.map((e) => [e.ts.slice(11, 16), e.kind, e.summary, e.folded?.length ?? 0]),
    ).toEqual([
      ['08:00', 'note', 'Workflow "test" on master: success', 8],
      ['10:10', 'change', expect.stringMatching(/^Deploy octo-repo master@3484a3f by workflow "deploy"/), 0],
      ['13:20', 'note', 'Workflow "test" run #108 on master: failure', 0],
      ['14:00', 'note', 'Workflow "test" on master: success', 2],
    ]);
    // Each folded run keeps its time and its place in the page.
    const first = report.timeline[0];
    expect(first.folded?.map((f) => f.ts.slice(11, 16))).toEqual([
      '08:00',
      '08:40',
      '09:20',
      '10:00',
      '10:40',
      '11:20',
      '12:00',
      '12:40',
    ]);
    expect(new Set(first.folded?.map((f) => f.source.line)).size).toBe(8);
  });
});
