import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type FakeReply, type FakeRequest, type FakeServer, fakeServer } from './fake-server.js';
import { type OpenApi, openApiChecker } from './openapi-check.js';

// GitHub's own OpenAPI description of api.github.com, as published on npm by @octokit/openapi.
const specPath = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
let checker: ReturnType<typeof openApiChecker> | undefined;
const check = (r: FakeRequest) => {
  checker ??= openApiChecker(JSON.parse(readFileSync(specPath, 'utf8')) as OpenApi, 'github');
  return checker(r);
};

export interface FakeGitHubOptions {
  repo?: string;
  token?: string;
  /** Answer the nth write (1-based) with this reply instead, to test a failure part way. */
  failWrite?: { at: number; reply: FakeReply };
}

interface StoredIssue {
  id: number;
  number: number;
  title: string;
  body: string;
  labels: string[];
}

/** GitHub's issues API for one repository, checked against GitHub's OpenAPI description. */
export async function fakeGitHub({
  repo = 'acme/checkout',
  token = 'ghp_fakeTokenForTests123',
  failWrite,
}: FakeGitHubOptions = {}) {
  const issues: StoredIssue[] = [];
  let writes = 0;
  const view = (i: StoredIssue, url: string) => ({
    id: i.id,
    number: i.number,
    title: i.title,
    body: i.body,
    state: 'open',
    html_url: `${url}/${repo}/issues/${i.number}`,
    labels: i.labels.map((name) => ({ name })),
  });
  const server: FakeServer = await fakeServer(check, (r) => {
    // GitHub's answer to a bad token quotes nothing, but a proxy might: this one echoes it.
    if (r.headers.authorization !== `token ${token}`)
      return { status: 401, body: { message: `Bad credentials: ${r.headers.authorization}` } };
    const prefix = `/repos/${repo}/issues`;
    if (!r.path.startsWith(prefix)) return { status: 404, body: { message: 'Not Found' } };
    if (r.method !== 'GET' && failWrite && ++writes === failWrite.at) return failWrite.reply;
    const body = r.body as { title: string; body: string; labels?: string[] };
    if (r.method === 'GET' && r.path === prefix) {
      const label = r.query.get('labels');
      return {
        status: 200,
        body: issues.filter((i) => !label || i.labels.includes(label)).map((i) => view(i, server.url)),
      };
    }
    if (r.method === 'POST' && r.path === prefix) {
      const issue = {
        id: 1000 + issues.length,
        number: issues.length + 1,
        title: body.title,
        body: body.body,
        labels: body.labels ?? [],
      };
      issues.push(issue);
      return { status: 201, body: view(issue, server.url) };
    }
    const number = Number(r.path.slice(prefix.length + 1));
    const issue = issues.find((i) => i.number === number);
    if (r.method === 'PATCH' && issue) {
      Object.assign(issue, { title: body.title ?? issue.title, body: body.body ?? issue.body });
      return { status: 200, body: view(issue, server.url) };
    }
    return { status: 404, body: { message: 'Not Found' } };
  });
  return { ...server, issues, token };
}
