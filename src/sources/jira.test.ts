import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jira } from './jira.js';
import { fixture, open, openText, readFile, readWith } from './test-kit.js';

const j = (name: string) => fixture('jira', name);

/** The real issue of the status webhook, as the REST API returns it with expand=changelog. */
function restIssue() {
  const { issue } = JSON.parse(readFileSync(j('zulip__issue_updated__status.json'), 'utf8'));
  const status = (from: string, to: string) => ({
    field: 'status',
    fieldtype: 'jira',
    fromString: from,
    toString: to,
  });
  issue.changelog = {
    startAt: 0,
    total: 2,
    histories: [
      {
        id: '20001',
        author: { displayName: 'James Williams' },
        created: '2017-01-30T18:32:14.716+0100',
        items: [status('To Do', 'In Progress')],
      },
      {
        id: '20002',
        created: '2017-01-31T09:00:00.000+0100',
        items: [{ field: 'assignee', toString: 'admin' }, status('In Progress', 'Done')],
      },
    ],
  };
  const adf = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rolled back; errors gone.' }] }],
  };
  issue.fields.comment = {
    comments: [
      {
        id: '30001',
        author: { displayName: 'James Williams' },
        body: adf,
        created: '2017-01-30T19:00:00.000+0100',
      },
    ],
  };
  return issue;
}

describe('jira', () => {
  it('reads an issue_created webhook as a ticket at the issue creation time', async () => {
    const { events, problems } = await readFile(jira, j('zulip__issue_created.json'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'ticket',
        ts: Date.parse('2013-03-27T16:53:58.301Z'),
        ref: 'jira-BUG-15',
        summary: 'BUG-15 Bug opened: New bug with hook',
      }),
    ]);
    expect(events[0].attrs).toMatchObject({
      issueType: 'Bug',
      priority: 'Major',
      currentStatus: 'Open',
      user: 'Leo Franchi',
    });
  });

  it('reads a status change webhook as a ticket with the new status', async () => {
    const { events } = await readFile(jira, j('zulip__issue_updated__status.json'));
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'ticket',
        ts: 1485797534721,
        ref: 'jira-TEST-1-10000',
        summary: 'TEST-1 To Do → In Progress: Fix That',
      }),
    ]);
    expect(events[0].attrs).toMatchObject({
      status: 'In Progress',
      statusName: 'In Progress',
      user: 'James Williams',
    });
  });

  it('reads a comment webhook as a note at the comment time, honouring the -0330 offset', async () => {
    const { events } = await readFile(jira, j('zulip__comment_created.json'));
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'note',
        ts: Date.parse('2019-01-07T20:25:51.184Z'),
        ref: 'jira-ZUL-1-c10000',
        summary: 'Leaving a comment here! :)',
      }),
    ]);
  });

  it('reads a REST issue with its changelog and comments, Done becoming resolved', async () => {
    const input = await openText(JSON.stringify(restIssue(), null, 2), 'TEST-1.json');
    expect(jira.detect(input)).toBe(true);
    const { events, problems } = await readWith(jira, input);
    expect(problems).toEqual([]);
    expect(events.map((e) => [new Date(e.ts).toISOString(), e.kind, e.ref, e.attrs?.status])).toEqual([
      ['2017-01-30T17:30:41.962Z', 'ticket', 'jira-TEST-1', undefined],
      ['2017-01-30T17:32:14.716Z', 'ticket', 'jira-TEST-1-20001', 'In Progress'],
      ['2017-01-30T18:00:00.000Z', 'note', 'jira-TEST-1-c30001', undefined],
      ['2017-01-31T08:00:00.000Z', 'ticket', 'jira-TEST-1-20002', 'resolved'],
    ]);
    expect(events[2].summary).toBe('Rolled back; errors gone.');
    expect(events[3].attrs?.statusName).toBe('Done');
  });

  it('reads a search result holding several issues', async () => {
    const one = restIssue();
    const two = {
      ...restIssue(),
      key: 'TEST-2',
      changelog: { histories: [] },
      fields: { ...one.fields, comment: { comments: [] } },
    };
    const { events } = await readWith(
      jira,
      await openText(JSON.stringify({ startAt: 0, total: 2, issues: [one, two] })),
    );
    expect(events.filter((e) => e.ref === 'jira-TEST-2')).toHaveLength(1);
    expect(events).toHaveLength(5);
  });

  it('skips a truncated issue and one without a creation time', async () => {
    const cut = readFileSync(j('zulip__issue_created.json'), 'utf8').slice(0, 700);
    expect((await readWith(jira, await openText(cut))).problems[0].message).toMatch(/^truncated JSON/);
    const issue = restIssue();
    issue.fields.created = undefined;
    const { problems } = await readWith(jira, await openText(JSON.stringify(issue)));
    expect(problems).toEqual([{ line: 1, message: 'Jira issue TEST-1 has no readable created time' }]);
  });

  it('does not claim GitHub issue webhooks', async () => {
    expect(
      jira.detect(await open(fixture('github-deployments', 'api.github.com__issues__opened.payload.json'))),
    ).toBe(false);
  });
});
