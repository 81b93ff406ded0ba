import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  behaviours,
  closedPort,
  type MisbehavingServer,
  misbehavingServer,
} from '../../test/support/misbehaving-server.js';
import { plantedSecrets } from '../../test/support/secrets.js';
import { checkHealth } from './health-check.js';

describe('one health check against a server that misbehaves on purpose', () => {
  let server: MisbehavingServer;
  beforeAll(async () => {
    server = await misbehavingServer();
  });
  afterAll(() => server.close());

  it('passes on a 200 and records status, latency and the body', async () => {
    server.on('/health', behaviours.ok());
    const c = await checkHealth(`${server.url}/health`, { timeoutMs: 1000 });
    expect(c).toMatchObject({
      kind: 'health-check',
      ok: true,
      status: 200,
      excerpt: '{"status":"ok"}',
      error: null,
    });
    expect(c.latencyMs).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(c.ts))).toBe(false);
  });

  it('fails on a 500 and keeps what the body said', async () => {
    server.on('/broken', behaviours.fail());
    const c = await checkHealth(`${server.url}/broken`, { timeoutMs: 1000 });
    expect(c).toMatchObject({ ok: false, status: 500, error: null });
    expect(c.excerpt).toContain('TypeError');
  });

  it('records a hanging endpoint as a failed check with the error timeout, after the timeout', async () => {
    server.on('/hang', behaviours.hang());
    const started = Date.now();
    const c = await checkHealth(`${server.url}/hang`, { timeoutMs: 200 });
    expect(c).toMatchObject({ ok: false, status: null, error: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('records a refused connection as ECONNREFUSED', async () => {
    const c = await checkHealth(`http://127.0.0.1:${await closedPort()}/health`, { timeoutMs: 1000 });
    expect(c).toMatchObject({ ok: false, status: null, error: 'ECONNREFUSED' });
  });

  it('keeps a printable excerpt of a garbage body', async () => {
    server.on('/garbage', behaviours.garbage());
    const c = await checkHealth(`${server.url}/garbage`, { timeoutMs: 1000 });
    expect(c.status).toBe(200);
    expect(c.excerpt).not.toMatch(/[\p{Cc}\ufffd]/u);
  });

  it('stops reading an endless body after a few kilobytes and quotes at most 200 characters', async () => {
    const c = await checkHealth(`${server.url}/huge`, { timeoutMs: 2000 });
    expect(c.status).toBe(200);
    expect(c.excerpt.length).toBeLessThanOrEqual(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.hugeBytesSent()).toBeLessThan(16 * 1024 * 1024);
  });

  it('redacts secrets in the body and in the URL', async () => {
    for (const planted of plantedSecrets('health')) {
      server.on('/leaky', behaviours.fail(`{"error":"db down","detail":"${planted.text}"}`));
      const c = await checkHealth(`${server.url}/leaky`, { timeoutMs: 1000 });
      expect(JSON.stringify(c), planted.shape).not.toContain(planted.secret);
    }
    const withToken = await checkHealth(`${server.url}/health?access_token=hunter2hunter2hunter2`, {
      timeoutMs: 1000,
    });
    expect(withToken.url).not.toContain('hunter2hunter2hunter2');
  });
});
