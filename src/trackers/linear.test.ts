import { afterEach, describe, expect, it } from 'vitest';
import { fakeLinear } from '../../test/trackers/fake-linear.js';
import { trackerItems } from './follow-up-item.js';
import { linear } from './linear.js';
import { sampleReport } from './report-sample.js';
import { push } from './tracker.js';

const items = trackerItems(sampleReport());
let server: Awaited<ReturnType<typeof fakeLinear>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const options = (s: NonNullable<typeof server>, more: Partial<Parameters<typeof linear>[0]> = {}) => ({
  team: s.team,
  apiKey: s.apiKey,
  apiUrl: `${s.url}/graphql`,
  ...more,
});

describe('linear', () => {
  it("creates one issue per follow-up through the SDK, each operation valid in Linear's schema", async () => {
    server = await fakeLinear();
    const done = await push(items, linear(options(server)));
    expect(server.violations).toEqual([]);
    expect(done.map((d) => `${d.action} ${d.key}`)).toEqual(['created ENG-1', 'created ENG-2']);
    expect(server.issues[0]).toMatchObject({
      priority: 2,
      title: expect.stringContaining('[INC-4821] Raise the checkout memory'),
    });
    expect(server.issues[0]!.description).toContain('hindsight:INC-4821:FU-001 (keep this line');
    expect(server.issues[1]!.priority).toBe(0);
  });

  it('updates the issues of an earlier run instead of opening new ones', async () => {
    server = await fakeLinear();
    await push(items, linear(options(server)));
    const again = await push(items, linear(options(server)));
    expect(server.violations).toEqual([]);
    expect(again.map((d) => `${d.action} ${d.key}`)).toEqual(['updated ENG-1', 'updated ENG-2']);
    expect(server.issues).toHaveLength(2);
  });

  it('does not take FU-0010 for FU-001', async () => {
    server = await fakeLinear();
    const ten = trackerItems(sampleReport([{ id: 'FU-0010', action: 'Another action.', evidenceRefs: [] }]));
    await push(ten, linear(options(server)));
    const [done] = await push(items.slice(0, 1), linear(options(server)));
    expect(done!.action).toBe('created');
  });

  it('names a refused key without repeating what the server echoed', async () => {
    server = await fakeLinear();
    const error = await push(items, linear(options(server, { apiKey: 'lin_api_wrongKey000' }))).catch(
      (e) => e,
    );
    expect(error.kind).toBe('auth');
    expect(error.message).toBe('LINEAR_API_KEY was refused (HTTP 401); set a valid token');
  });

  it('says a team that does not exist is missing', async () => {
    server = await fakeLinear();
    const error = await push(items, linear(options(server, { team: 'NOPE' }))).catch((e) => e);
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe('team NOPE was not found in Linear, or LINEAR_API_KEY cannot see it');
  });

  it('stops at a rate limit and lists what it created before it', async () => {
    server = await fakeLinear({
      failWrite: {
        at: 2,
        reply: {
          status: 400,
          headers: { 'x-ratelimit-requests-remaining': '0', 'x-ratelimit-requests-reset': '1779200000000' },
          body: {
            errors: [
              { message: 'Rate limit exceeded', extensions: { type: 'ratelimited', code: 'RATELIMITED' } },
            ],
          },
        },
      },
    });
    const error = await push(items, linear(options(server))).catch((e) => e);
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toContain('retry after 1779200000000');
    expect(error.done.map((d: { key: string }) => d.key)).toEqual(['ENG-1']);
  });
});
