import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { githubDeployments } from './github-deployments.js';
import { fixture, open, openText, readFile, readWith } from './test-kit.js';

const gh = (name: string) => fixture('github-deployments', name);
const load = (name: string) => JSON.parse(readFileSync(gh(name), 'utf8'));

/** The real deployment of octokit's example, re-numbered to stand for later deploys of the same repository. */
function deploy(id: number, sha: string, createdAt: string, extra: Record<string, unknown> = {}) {
  const payload = load('api.github.com__deployment__payload.json');
  Object.assign(
    payload.deployment,
    { id, sha, created_at: createdAt, url: `${payload.repository.url}/deployments/${id}` },
    extra,
  );
  return JSON.stringify(payload);
}

describe('github-deployments', () => {
  it('reads a deployment webhook as a change at created_at', async () => {
    const { events, problems } = await readFile(
      githubDeployments,
      gh('api.github.com__deployment__payload.json'),
    );
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'change',
        ref: 'gh-deploy-145988746',
        ts: Date.parse('2019-05-15T15:20:53Z'),
        service: 'Hello-World',
        summary: 'Deploy Hello-World master@f95f852 to production',
      }),
    ]);
    expect(events[0].attrs).toMatchObject({
      deploymentId: 145988746,
      sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      environment: 'production',
      author: 'Codertocat',
      statuses: [],
    });
  });

  it('reads a deployment_status delivery as the same deployment with its status', async () => {
    const { events } = await readFile(
      githubDeployments,
      gh('api.github.com__deployment_status__gh-pages.payload.json'),
    );
    expect(events[0]).toMatchObject({ ref: 'gh-deploy-145988746', ts: Date.parse('2022-01-03T01:28:30Z') });
    expect(events[0].attrs).toMatchObject({
      state: 'in_progress',
      statuses: [{ state: 'in_progress', at: '2022-01-03T01:28:40Z' }],
    });
  });

  it('merges a deployment and its statuses delivered to one file into one event', async () => {
    const text = ['ghes-35__deployment__payload.json', 'ghes-35__deployment_status__payload.json']
      .map((f) => JSON.stringify(load(f)))
      .join('\n');
    const { events } = await readWith(githubDeployments, await openText(text, 'deliveries.jsonl'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      ref: 'gh-deploy-2',
      ts: Date.parse('2019-05-15T19:38:20Z'),
      source: { line: 1 },
    });
    expect(events[0].summary).toBe('Deploy Hello-World master@78a9609 to production (success)');
    expect(events[0].attrs?.statuses).toEqual([{ state: 'success', at: '2019-05-15T19:38:21Z' }]);
  });

  it('takes a deployment whose description says rollback for a rollback', async () => {
    const text = deploy(7, 'aaaaaaa1', '2026-02-10T12:20:00Z', { description: 'Rollback to v1.4.2' });
    const { events } = await readWith(githubDeployments, await openText(text));
    expect(events[0].kind).toBe('rollback');
    expect(events[0].summary).toBe(
      'Rollback deploy of Hello-World master@aaaaaaa to production: Rollback to v1.4.2',
    );
  });

  it('reads service, version and image from the deployment payload, also when it is a JSON string', async () => {
    const payload = JSON.stringify({
      service: 'checkout',
      version: 'v2.14.0',
      image: 'registry/checkout:v2.14.0',
    });
    const { events } = await readWith(
      githubDeployments,
      await openText(deploy(9, 'ccccccc3', '2026-02-10T12:06:00Z', { payload })),
    );
    expect(events[0].service).toBe('checkout');
    expect(events[0].attrs).toMatchObject({ version: 'v2.14.0', image: 'registry/checkout:v2.14.0' });
  });

  it('names the change request its payload carries, where the description does not', async () => {
    const described = deploy(9, 'ccccccc3', '2026-02-10T10:00:00Z', {
      description: 'Deploy api-gateway v2.14.0 to prod',
      payload: { change: 'DEP-7781', version: 'v2.14.0' },
    });
    const { events } = await readWith(githubDeployments, await openText(described));
    expect(events[0].summary).toMatch(/: DEP-7781: Deploy api-gateway v2\.14\.0 to prod$/);
    // Said already, or not an id: the description stands as written.
    const said = deploy(9, 'ccccccc3', '2026-02-10T10:00:00Z', {
      description: 'DEP-7781: Deploy api-gateway',
      payload: { change_id: 'DEP-7781', ticket: 'not an id' },
    });
    expect((await readWith(githubDeployments, await openText(said))).events[0].summary).toMatch(
      /: DEP-7781: Deploy api-gateway$/,
    );
  });

  it('takes a redeploy of an earlier sha for a rollback, but not a repeat of the current one', async () => {
    const text = [
      deploy(1, 'aaaaaaa1', '2026-02-10T11:00:00Z'),
      deploy(2, 'bbbbbbb2', '2026-02-10T12:06:00Z'),
      deploy(3, 'bbbbbbb2', '2026-02-10T12:10:00Z'),
      deploy(4, 'aaaaaaa1', '2026-02-10T12:20:00Z'),
    ].join('\n');
    const { events } = await readWith(githubDeployments, await openText(text));
    expect(events.map((e) => [e.ref, e.kind, e.attrs?.rollbackTo])).toEqual([
      ['gh-deploy-1', 'change', undefined],
      ['gh-deploy-2', 'change', undefined],
      ['gh-deploy-3', 'change', undefined],
      ['gh-deploy-4', 'rollback', 'gh-deploy-1'],
    ]);
  });

  it('reads the REST deployments list with a statuses list in the same file', async () => {
    const { deployment, deployment_status } = load('api.github.com__deployment_status__payload.json');
    const text = `${JSON.stringify([deployment])}\n${JSON.stringify([deployment_status])}`;
    const input = await openText(text, 'deployments.jsonl');
    expect(githubDeployments.detect(input)).toBe(true);
    const { events, problems } = await readWith(githubDeployments, input);
    expect(problems).toEqual([]);
    expect(events[0]).toMatchObject({ ref: 'gh-deploy-145988746', service: 'Hello-World' });
    expect(events[0].attrs).toMatchObject({ repository: 'Codertocat/Hello-World', state: 'success' });
  });

  it('reports a status whose deployment is missing and a truncated delivery', async () => {
    const { deployment_status } = load('api.github.com__deployment_status__payload.json');
    const cut = readFileSync(gh('ghes-35__deployment__payload.json'), 'utf8').slice(0, 300);
    const { events, problems } = await readWith(
      githubDeployments,
      await openText(`${JSON.stringify(deployment_status)}\n`),
    );
    expect(events).toEqual([]);
    expect(problems).toEqual([
      { line: 1, message: 'deployment status for deployment 145988746, which is not in this file' },
    ]);
    expect((await readWith(githubDeployments, await openText(cut))).problems[0].message).toMatch(
      /^truncated JSON/,
    );
  });

  it('leaves other GitHub webhooks (push, issues, pull_request, workflow_run, status, deployment_review) undetected', async () => {
    const others = [
      'push__payload',
      'issues__opened.payload',
      'pull_request__closed.payload',
      'workflow_run__completed.payload',
    ];
    for (const name of [...others, 'status__payload', 'deployment_review__requested.payload']) {
      expect(githubDeployments.detect(await open(gh(`api.github.com__${name}.json`))), name).toBe(false);
    }
  });
});
