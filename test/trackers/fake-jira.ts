import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { type FakeReply, type FakeRequest, fakeServer } from './fake-server.js';
import { type OpenApi, openApiChecker } from './openapi-check.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/trackers/${name}`, import.meta.url), 'utf8'));
const checkApi = openApiChecker(fixture('jira-openapi.json') as OpenApi, 'jira');
const checkAdf = new Ajv({ strict: false, allErrors: true }).compile(fixture('adf-schema.json'));

/** The OpenAPI check, then what Jira documents beyond it: a description in ADF, and what a create needs. */
function check(r: FakeRequest): string[] {
  const problems = checkApi(r);
  const fields = (r.body as { fields?: Record<string, unknown> } | undefined)?.fields;
  if (fields?.description !== undefined && !checkAdf(fields.description))
    problems.push(
      `${r.method} ${r.path}: description is not ADF: ${JSON.stringify(checkAdf.errors?.slice(0, 3))}`,
    );
  if (r.method === 'POST' && r.path === '/rest/api/3/issue')
    for (const needed of ['project', 'summary', 'issuetype'])
      if (fields?.[needed] === undefined)
        problems.push(`POST /rest/api/3/issue: fields.${needed} is required`);
  return problems;
}

export interface FakeJiraOptions {
  project?: string;
  email?: string;
  token?: string;
  failWrite?: { at: number; reply: FakeReply };
}

interface StoredIssue {
  id: string;
  key: string;
  fields: Record<string, unknown> & { labels?: string[]; project?: { key: string } };
}

/** Jira Cloud's issue and JQL search API for one project, checked against its published description. */
export async function fakeJira({
  project = 'OPS',
  email = 'sre@example.com',
  token = 'ATATT3xFfGF0fakeJiraToken',
  failWrite,
}: FakeJiraOptions = {}) {
  const issues: StoredIssue[] = [];
  let writes = 0;
  const basic = `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
  const server = await fakeServer(check, (r) => {
    if (r.headers.authorization !== basic)
      return {
        status: 401,
        body: { errorMessages: [`Client must be authenticated: ${r.headers.authorization}`] },
      };
    if (r.method !== 'POST' || r.path !== '/rest/api/3/search/jql')
      if (failWrite && ++writes === failWrite.at) return failWrite.reply;
    const body = r.body as { jql?: string; fields?: StoredIssue['fields'] };
    if (r.path === '/rest/api/3/search/jql') {
      const jql = body.jql ?? '';
      const asked = /project = "([^"]{1,50})"/.exec(jql)?.[1];
      if (asked !== project)
        return {
          status: 400,
          body: { errorMessages: [`The value '${asked}' does not exist for the field 'project'.`] },
        };
      const labels = [...jql.matchAll(/labels = "([^"]{1,100})"/g)].map((m) => m[1]!);
      const found = issues.filter((i) => labels.every((l) => i.fields.labels?.includes(l)));
      return {
        status: 200,
        body: {
          issues: found.map((i) => ({
            id: i.id,
            key: i.key,
            fields: { summary: i.fields.summary, description: i.fields.description },
          })),
          isLast: true,
        },
      };
    }
    if (r.method === 'POST' && r.path === '/rest/api/3/issue') {
      if (body.fields?.project?.key !== project)
        return { status: 400, body: { errors: { project: 'valid project is required' } } };
      const issue = {
        id: String(10000 + issues.length),
        key: `${project}-${issues.length + 1}`,
        fields: body.fields,
      };
      issues.push(issue);
      return {
        status: 201,
        body: { id: issue.id, key: issue.key, self: `${server.url}/rest/api/3/issue/${issue.id}` },
      };
    }
    const key = decodeURIComponent(r.path.slice('/rest/api/3/issue/'.length));
    const issue = issues.find((i) => i.key === key || i.id === key);
    if (r.method === 'PUT' && issue) {
      Object.assign(issue.fields, body.fields);
      return { status: 204 };
    }
    return {
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'] },
    };
  });
  return { ...server, issues, email, token, project };
}
