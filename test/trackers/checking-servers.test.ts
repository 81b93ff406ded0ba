import { afterEach, describe, expect, it } from 'vitest';
import { fakeGitHub } from './fake-github.js';
import { fakeJira } from './fake-jira.js';
import { fakeLinear } from './fake-linear.js';

type Server = { close(): Promise<void>; violations: string[] };
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the checking servers', () => {
  it("refuse a GitHub issue without a title, as GitHub's description requires one", async () => {
    const s = await fakeGitHub();
    server = s;
    const r = await post(
      `${s.url}/repos/acme/checkout/issues`,
      { body: 'x', labels: [1] },
      { authorization: `token ${s.token}` },
    );
    expect(r.status).toBe(400);
    expect(s.violations.join('\n')).toContain("must have required property 'title'");
  });

  it('refuse a Jira description that is not Atlassian Document Format', async () => {
    const s = await fakeJira();
    server = s;
    await post(`${s.url}/rest/api/3/issue`, {
      fields: {
        project: { key: 'OPS' },
        summary: 's',
        issuetype: { name: 'Task' },
        description: 'plain text',
      },
    });
    expect(s.violations.join('\n')).toContain('description is not ADF');
  });

  it('refuse a Jira search with a parameter the API does not take', async () => {
    const s = await fakeJira();
    server = s;
    await post(`${s.url}/rest/api/3/search/jql`, { jql: 'project = OPS', startAt: 0 });
    expect(s.violations.join('\n')).toContain('must NOT have additional properties');
  });

  it("refuse a Linear operation that asks for a field Linear's schema does not have", async () => {
    const s = await fakeLinear();
    server = s;
    await post(`${s.url}/graphql`, { query: '{ teams { nodes { id slug } } }' }, { authorization: s.apiKey });
    expect(s.violations.join('\n')).toContain('Cannot query field "slug" on type "Team"');
  });

  it('refuse a Linear input field that IssueCreateInput does not have', async () => {
    const s = await fakeLinear();
    server = s;
    const query = 'mutation M($input: IssueCreateInput!) { issueCreate(input: $input) { success } }';
    await post(
      `${s.url}/graphql`,
      { query, variables: { input: { teamId: 't', labels: ['x'] } } },
      { authorization: s.apiKey },
    );
    expect(s.violations.join('\n')).toContain('"labels" is not defined by type "IssueCreateInput"');
  });
});
