import { afterEach, describe, expect, it } from 'vitest';
import { fakeGitHub } from '../../test/trackers/fake-github.js';
import { trackerItems } from './follow-up-item.js';
import { github } from './github.js';
import { sampleReport } from './report-sample.js';
import { push } from './tracker.js';
import { TrackerError } from './tracker-error.js';

const items = trackerItems(sampleReport());
let server: Awaited<ReturnType<typeof fakeGitHub>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('github', () => {
  it('creates one issue per follow-up, each request as GitHub describes it', async () => {
    server = await fakeGitHub();
    const done = await push(
      items,
      github({ repo: 'acme/checkout', token: server.token, baseUrl: server.url }),
    );
    expect(server.violations).toEqual([]);
    expect(done.map((d) => `${d.action} ${d.key}`)).toEqual(['created #1', 'created #2']);
    expect(server.issues[0]!.labels).toEqual([
      'hindsight',
      'incident:INC-4821',
      'type:prevent',
      'priority:high',
    ]);
    expect(server.issues[0]!.body).toContain('<!-- hindsight:INC-4821:FU-001 -->');
    expect(server.issues[0]!.body).toContain(
      '[`gh-deploy-1987004217`](https://github.com/acme/checkout/deployments/1987004217)',
    );
  });

  it('updates the issues of an earlier run instead of opening new ones', async () => {
    server = await fakeGitHub();
    const options = { repo: 'acme/checkout', token: server.token, baseUrl: server.url };
    await push(items, github(options));
    const again = await push(items, github(options));
    expect(server.violations).toEqual([]);
    expect(again.map((d) => `${d.action} ${d.key}`)).toEqual(['updated #1', 'updated #2']);
    expect(server.issues).toHaveLength(2);
  });

  it('names a refused token as such, without repeating it', async () => {
    server = await fakeGitHub();
    const error = await push(
      items,
      github({ repo: 'acme/checkout', token: 'ghp_wrongToken999', baseUrl: server.url }),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(TrackerError);
    expect(error.kind).toBe('auth');
    expect(error.message).toBe('GITHUB_TOKEN was refused (HTTP 401); set a valid token');
  });

  it('says a missing repository is missing', async () => {
    server = await fakeGitHub();
    const error = await push(
      items,
      github({ repo: 'acme/nope', token: server.token, baseUrl: server.url }),
    ).catch((e) => e);
    expect(error.kind).toBe('not-found');
    expect(error.message).toMatch(/^repository acme\/nope was not found/);
  });

  it('stops at a rate limit and lists what it created before it', async () => {
    server = await fakeGitHub({
      failWrite: {
        at: 2,
        reply: {
          status: 403,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1779200000' },
          body: { message: 'API rate limit exceeded' },
        },
      },
    });
    const error = await push(
      items,
      github({ repo: 'acme/checkout', token: server.token, baseUrl: server.url }),
    ).catch((e) => e);
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toContain('retry after 1779200000');
    expect(error.done.map((d: { key: string }) => d.key)).toEqual(['#1']);
  });
});
