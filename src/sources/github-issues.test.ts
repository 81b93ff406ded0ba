import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../generate.js';
import type { RawEvent } from '../model/index.js';
import { classify } from '../timeline/classify.js';
import { githubIssues } from './github-issues.js';
import { detectSource } from './index.js';
import { fixture, open, openText, readFile, readWith, samples } from './test-kit.js';

const gi = (name: string) => fixture('github-issues', name);
const load = (name: string) => JSON.parse(readFileSync(gi(name), 'utf8'));
const seed = (name: string) => fixture('export-scenarios', 'seed-003', 'github', name);
const iso = (ts: number) => new Date(ts).toISOString();
const rows = (events: RawEvent[]) => events.map((e) => [iso(e.ts), e.kind, e.summary]);

/** The four deliveries of `derived__webhooks.jsonl`: opened (real), labeled, a comment, closed. */
const deliveries = () =>
  readFileSync(gi('derived__webhooks.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

const WEBHOOK_EVENTS = [
  ['2019-05-15T15:20:18.000Z', 'ticket', '#1 opened: Spelling error in the README file'],
  ['2019-05-15T15:20:19.000Z', 'ticket', '#1 labeled "bug": Spelling error in the README file'],
  ['2019-05-15T15:20:21.000Z', 'note', "You are totally right! I'll get this fixed right away."],
  ['2019-05-15T16:02:00.000Z', 'ticket', '#1 closed: Spelling error in the README file'],
];

const unique = (events: RawEvent[]) => new Set(events.map((e) => e.ref)).size === events.length;

describe('github-issues', () => {
  it('reads the real issues "opened" delivery as a ticket at the issue creation time', async () => {
    const path = gi('api.github.com__issues__opened.payload.json');
    expect(githubIssues.detect(await open(path))).toBe(true);
    const { events, problems } = await readFile(githubIssues, path);
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        ts: Date.parse('2019-05-15T15:20:18Z'),
        kind: 'ticket',
        ref: 'gh-issue-Hello-World-1',
        summary: '#1 opened: Spelling error in the README file',
        source: { file: 'api.github.com__issues__opened.payload.json', line: 1 },
      }),
    ]);
    expect(events[0].attrs).toEqual({
      number: 1,
      repository: 'Codertocat/Hello-World',
      state: 'open',
      labels: ['bug'],
      user: 'Codertocat',
      html_url: 'https://github.com/Codertocat/Hello-World/issues/1',
      opened: true,
    });
  });

  it("reads seed 003's incident and change-request issues, each with its own ref", async () => {
    const events: RawEvent[] = [];
    for (const name of ['issues_opened_incidents_1042.json', 'issues_opened_change-requests_7794.json']) {
      const input = await open(seed(name));
      expect(detectSource(input)?.name, name).toBe('github-issues');
      const read = await readWith(githubIssues, input);
      expect(read.problems).toEqual([]);
      events.push(...read.events);
    }
    expect(events.map((e) => [iso(e.ts), e.kind, e.ref, e.summary])).toEqual([
      [
        '2026-02-10T10:25:00.000Z',
        'ticket',
        'gh-issue-incidents-1042',
        '#1042 opened: INC-1042: Production 5xx after DEP-7781',
      ],
      [
        '2026-02-10T10:27:00.000Z',
        'ticket',
        'gh-issue-change-requests-7794',
        '#7794 opened: Rollback DEP-7781 api-gateway',
      ],
    ]);
    expect(events[0].attrs).toMatchObject({
      repository: 'acme-corp/incidents',
      labels: ['incident', 'severity: high'],
      user: 'incident-bot[bot]',
    });
  });

  it('reads webhook deliveries one per line: opened, labeled, a comment and closed', async () => {
    const { events, problems } = await readFile(githubIssues, gi('derived__webhooks.jsonl'));
    expect(problems).toEqual([]);
    expect(rows(events)).toEqual(WEBHOOK_EVENTS);
    expect(events.map((e) => e.source.line)).toEqual([1, 2, 3, 4]);
    expect(unique(events)).toBe(true);
    expect(events[1].attrs).toMatchObject({ action: 'labeled', user: 'Codertocat' });
    expect(events[2].attrs).toMatchObject({
      user: 'Codertocat',
      html_url: 'https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400',
    });
    expect(events[3].attrs).toMatchObject({ status: 'resolved', stateReason: 'completed', state: 'closed' });
    expect(classify(events[3]).signals).toContain('close');
  });

  it('reads webhook deliveries as a JSON array, each at the line its item starts on', async () => {
    const text = JSON.stringify(deliveries(), null, 2);
    const input = await openText(text, 'deliveries.json');
    expect(githubIssues.detect(input)).toBe(true);
    const { events, problems } = await readWith(githubIssues, input);
    expect(problems).toEqual([]);
    expect(rows(events)).toEqual(WEBHOOK_EVENTS);
    const starts = text.split('\n').flatMap((l, i) => (l === '  {' ? [i + 1] : []));
    expect(events.map((e) => e.source.line)).toEqual(starts);
  });

  it('names the action of other deliveries: reopened, unlabeled, assigned', async () => {
    const [opened] = deliveries();
    const later = (action: string, updated: string, extra: object = {}) =>
      JSON.stringify({ ...opened, action, issue: { ...opened.issue, updated_at: updated }, ...extra });
    const text = [
      later('reopened', '2019-05-15T17:00:00Z'),
      later('unlabeled', '2019-05-15T17:01:00Z', { label: { name: 'bug' } }),
      later('assigned', '2019-05-15T17:02:00Z', { assignee: { login: 'octocat' } }),
    ].join('\n');
    const { events } = await readWith(githubIssues, await openText(text, 'more.jsonl'));
    expect(events.map((e) => e.summary)).toEqual([
      '#1 reopened: Spelling error in the README file',
      '#1 unlabeled "bug": Spelling error in the README file',
      '#1 assigned to octocat: Spelling error in the README file',
    ]);
    expect(events[0].attrs?.status).toBe('reopened');
    expect(classify(events[0]).signals).not.toContain('close');
    expect(unique(events)).toBe(true);
  });

  it('reads a REST issue with closed_at as two events, the closing classified as close', async () => {
    const [, issue] = load('derived__rest__issues.json');
    const input = await openText(JSON.stringify(issue, null, 2), 'issue.json');
    expect(githubIssues.detect(input)).toBe(true);
    const { events, problems } = await readWith(githubIssues, input);
    expect(problems).toEqual([]);
    expect(rows(events)).toEqual([
      ['2019-05-15T15:20:18.000Z', 'ticket', '#1 opened: Spelling error in the README file'],
      ['2019-05-15T16:02:00.000Z', 'ticket', '#1 closed: Spelling error in the README file'],
    ]);
    expect(unique(events)).toBe(true);
    expect(events[1].attrs?.status).toBe('resolved');
    expect(classify(events[1])).toEqual({ kind: 'ticket', signals: ['close'] });
    expect(classify(events[0]).signals).not.toContain('close');
  });

  it('reads a REST issue list, a pull request in it named as one', async () => {
    const { events, problems } = await readFile(githubIssues, gi('derived__rest__issues.json'));
    expect(problems).toEqual([]);
    expect(events.map((e) => [iso(e.ts), e.ref, e.summary])).toEqual([
      ['2019-05-15T15:20:18.000Z', 'gh-issue-Hello-World-1', '#1 opened: Spelling error in the README file'],
      [
        '2019-05-15T15:40:00.000Z',
        'gh-issue-Hello-World-2',
        "pull request #2 opened: Fix the spelling of 'commit' in the README",
      ],
      [
        '2019-05-15T16:02:00.000Z',
        'gh-issue-Hello-World-1-closed-1557936120',
        '#1 closed: Spelling error in the README file',
      ],
    ]);
    expect(events[1].attrs).toMatchObject({ pullRequest: true, state: 'open' });
    expect(events[1].source.line).toBe(2);
    expect(events[0].source.line).toBeGreaterThan(2);
  });

  it('reads a REST comments list as notes, Markdown kept as text and whitespace collapsed', async () => {
    const path = gi('derived__rest__comments.json');
    expect(githubIssues.detect(await open(path))).toBe(true);
    const { events, problems } = await readFile(githubIssues, path);
    expect(problems).toEqual([]);
    expect(events.map((e) => [iso(e.ts), e.kind, e.ref, e.summary])).toEqual([
      [
        '2019-05-15T15:20:21.000Z',
        'note',
        'gh-issue-Hello-World-1-c492700400',
        "You are totally right! I'll get this fixed right away.",
      ],
      [
        '2019-05-15T16:01:00.000Z',
        'note',
        'gh-issue-Hello-World-1-c492700500',
        'Fixed in **#2**. - README corrected - `commit` spelled right',
      ],
    ]);
    expect(events[0].attrs).toMatchObject({
      number: 1,
      repository: 'Codertocat/Hello-World',
      user: 'Codertocat',
    });
  });

  it('gives the comment of a delivery and of the REST list one ref, so the two are one entry', async () => {
    const fromHook = (await readFile(githubIssues, gi('derived__webhooks.jsonl'))).events[2];
    const fromRest = (await readFile(githubIssues, gi('derived__rest__comments.json'))).events[0];
    expect(fromHook.ref).toBe(fromRest.ref);
  });

  it('skips a record with no readable time, with its line, and reads the rest', async () => {
    const list = load('derived__rest__issues.json');
    list[0].created_at = null;
    const text = JSON.stringify(list, null, 2);
    const { events, problems } = await readWith(githubIssues, await openText(text, 'issues.json'));
    expect(problems).toEqual([
      { line: 2, message: 'GitHub pull request Codertocat/Hello-World#2 has no readable created_at' },
    ]);
    expect(events.map((e) => e.summary)).toEqual([
      '#1 opened: Spelling error in the README file',
      '#1 closed: Spelling error in the README file',
    ]);

    const hooks = deliveries();
    hooks[1].issue.updated_at = 'yesterday';
    hooks[2].comment.created_at = undefined;
    const lines = hooks.map((d) => JSON.stringify(d)).join('\n');
    const read = await readWith(githubIssues, await openText(lines, 'hooks.jsonl'));
    expect(read.problems).toEqual([
      {
        line: 2,
        message: 'GitHub issues "labeled" delivery for Codertocat/Hello-World#1 has no readable updated_at',
      },
      {
        line: 3,
        message: 'GitHub comment 492700400 on Codertocat/Hello-World#1 has no readable created_at',
      },
    ]);
    expect(read.events).toHaveLength(2);
  });

  it('lists a timeless record in the report under its file and line, counted as skipped', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-gi-')), 'bundle');
    mkdirSync(dir);
    const list = load('derived__rest__issues.json');
    list[0].created_at = 'not a time';
    writeFileSync(join(dir, 'issues.json'), JSON.stringify(list, null, 2));
    const { report } = await generate([dir], { library: false, format: 'json' });
    expect(report.dataQuality.problems).toEqual([
      {
        file: 'issues.json',
        line: 2,
        message: 'GitHub pull request Codertocat/Hello-World#2 has no readable created_at',
      },
    ]);
    expect(report.dataQuality.linesSkipped).toBe(1);
    expect(report.timeline.map((e) => e.summary)).toEqual([
      '#1 opened: Spelling error in the README file',
      '#1 closed: Spelling error in the README file',
    ]);
  });

  it("reads an issue's events (`issues/N/events`): what bears on the incident, the tracker's bookkeeping left out", async () => {
    const path = gi('derived__rest__issue_events.json');
    expect(detectSource(await open(path))?.name).toBe('github-issues');
    const { events, problems } = await readFile(githubIssues, path);
    expect(problems).toEqual([]);
    expect(rows(events)).toEqual([
      ['2019-05-15T15:20:19.000Z', 'ticket', 'the issue labeled "bug"'],
      ['2019-05-15T15:20:20.000Z', 'ticket', 'the issue assigned to Codertocat'],
      ['2019-05-15T16:02:00.000Z', 'ticket', 'the issue closed'],
    ]);
    expect(events[2].attrs).toMatchObject({
      status: 'resolved',
      stateReason: 'completed',
      user: 'Codertocat',
    });
    expect(classify(events[2]).signals).toContain('close');
    // The list does not say which issue: no number is made up for it.
    expect(events.every((e) => e.attrs?.number === undefined)).toBe(true);
  });

  it("reads a repository's issue events, which name their issue, and an issue's timeline", async () => {
    const repo = await readFile(githubIssues, gi('derived__rest__repo_issue_events.json'));
    expect(rows(repo.events)).toEqual([WEBHOOK_EVENTS[1], WEBHOOK_EVENTS[3]]);
    // A timeline opens with any item; its comments read as comments, a cross-reference as nothing.
    const path = gi('derived__rest__timeline.json');
    expect(detectSource(await open(path))?.name).toBe('github-issues');
    const timeline = await readFile(githubIssues, path);
    expect(timeline.problems).toEqual([]);
    expect(rows(timeline.events)).toEqual([
      ['2019-05-15T15:20:19.000Z', 'ticket', 'the issue labeled "bug"'],
      WEBHOOK_EVENTS[2],
      ['2019-05-15T16:02:00.000Z', 'ticket', 'the issue closed'],
    ]);
  });

  it('skips what is not an issue in an issue list, and reads the rest', async () => {
    const [pull, issue] = load('derived__rest__issues.json');
    const text = [JSON.stringify(issue), JSON.stringify({ hello: 'world' }), JSON.stringify(pull)].join('\n');
    const { events, problems } = await readWith(githubIssues, await openText(text, 'mixed.jsonl'));
    expect(problems).toEqual([
      {
        line: 2,
        message: 'not a GitHub issue, issue comment, issue event, or issues / issue_comment webhook delivery',
      },
    ]);
    expect(events).toHaveLength(3);
  });

  it('leaves GitHub deployment payloads, other GitHub webhooks and Jira issues to their readers', async () => {
    const others = [
      ...samples('github-deployments', (f) => !f.includes('__issues__')),
      ...samples('jira'),
      fixture('export-scenarios', 'seed-003', 'github', 'deployment_3890221547.json'),
    ];
    for (const path of others) expect(githubIssues.detect(await open(path)), path).toBe(false);
    const deployment = await open(gi('../github-deployments/api.github.com__deployment__payload.json'));
    expect(detectSource(deployment)?.name).toBe('github-deployments');
    const jira = await open(fixture('jira', 'zulip__issue_created.json'));
    expect(detectSource(jira)?.name).toBe('jira');
  });
});
