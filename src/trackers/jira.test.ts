import { afterEach, describe, expect, it } from 'vitest';
import { fakeJira } from '../../test/trackers/fake-jira.js';
import { trackerItems } from './follow-up-item.js';
import { jira } from './jira.js';
import { sampleReport } from './report-sample.js';
import { push } from './tracker.js';

const items = trackerItems(sampleReport());
let server: Awaited<ReturnType<typeof fakeJira>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const options = (s: NonNullable<typeof server>, more: Partial<Parameters<typeof jira>[0]> = {}) => ({
  url: s.url,
  project: s.project,
  email: s.email,
  token: s.token,
  ...more,
});

describe('jira', () => {
  it('creates one issue per follow-up with an ADF description, each request as Jira describes it', async () => {
    server = await fakeJira();
    const done = await push(items, jira(options(server)));
    expect(server.violations).toEqual([]);
    expect(done.map((d) => `${d.action} ${d.key}`)).toEqual(['created OPS-1', 'created OPS-2']);
    expect(done[0]!.url).toBe(`${server.url}/browse/OPS-1`);
    const fields = server.issues[0]!.fields;
    expect(fields).toMatchObject({
      labels: ['hindsight', 'INC-4821', 'prevent'],
      priority: { name: 'High' },
      issuetype: { name: 'Task' },
    });
    expect(JSON.stringify(fields.description)).toContain(
      '"href":"https://github.com/acme/checkout/deployments/1987004217"',
    );
    expect(server.issues[1]!.fields.priority).toBeUndefined();
  });

  it('updates the issues of an earlier run instead of opening new ones', async () => {
    server = await fakeJira();
    await push(items, jira(options(server)));
    const again = await push(items, jira(options(server)));
    expect(server.violations).toEqual([]);
    expect(again.map((d) => `${d.action} ${d.key}`)).toEqual(['updated OPS-1', 'updated OPS-2']);
    expect(server.issues).toHaveLength(2);
  });

  it('names a refused token without repeating what the server echoed', async () => {
    server = await fakeJira();
    const error = await push(items, jira(options(server, { token: 'ATATT3xWrongToken77' }))).catch((e) => e);
    expect(error.kind).toBe('auth');
    expect(error.message).toBe('JIRA_EMAIL and JIRA_API_TOKEN was refused (HTTP 401); set a valid token');
  });

  it("gives Jira's own reason for a project that does not exist", async () => {
    server = await fakeJira();
    const error = await push(items, jira(options(server, { project: 'NOPE' }))).catch((e) => e);
    expect(error.message).toBe(
      "the request was refused (HTTP 400): The value 'NOPE' does not exist for the field 'project'.",
    );
  });

  it('stops at a rate limit and lists what it created before it', async () => {
    server = await fakeJira({
      failWrite: { at: 2, reply: { status: 429, headers: { 'retry-after': '30' } } },
    });
    const error = await push(items, jira(options(server))).catch((e) => e);
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toContain('retry after 30');
    expect(error.done.map((d: { key: string }) => d.key)).toEqual(['OPS-1']);
  });
});
