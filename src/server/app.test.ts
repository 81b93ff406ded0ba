import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, freshDbPath, serving } from '../../test/support/serving.js';

const SEED = 'examples/seed-003';
const HOSTILE = 'test/fixtures/hostile';

describe('review server', () => {
  let server: Awaited<ReturnType<typeof serving>>;
  const db = freshDbPath();
  beforeAll(async () => {
    server = await serving({ db, bundles: [SEED, HOSTILE] });
  }, 60_000);
  afterAll(() => server?.stop());
  const get = (path: string, init?: RequestInit) => fetch(`${server.origin}${path}`, init);

  it('lists the bundles and the incidents they saved to the library', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(SEED);
    expect(html).toContain('href="/incidents/INC-1042"');
  });

  it('sends a strict policy: no script, style by hash, forms post back here only', async () => {
    for (const path of ['/', '/incidents/INC-1042']) {
      const policy = (await get(path)).headers.get('content-security-policy') ?? '';
      expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /);
      expect(policy).toContain("form-action 'self'");
      expect(policy).not.toContain('script-src');
      const style = /<style>([\s\S]*?)<\/style>/.exec(await (await get(path)).text())?.[1] ?? '';
      expect(policy).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    }
  });

  it('shows the report with a form per claim, suspect and follow-up', async () => {
    const html = await (await get('/incidents/INC-1042')).text();
    expect(html).toContain('<h2>Claims and evidence</h2>');
    expect(html).toContain('action="/incidents/INC-1042/claims/CLM-001"');
    expect(html).toContain('action="/incidents/INC-1042/suspects/DEP-7781"');
    expect(html).toContain('action="/incidents/INC-1042/follow-ups/FU-002"');
    expect(html).toContain('action="/incidents/INC-1042/narrative/lessons"');
    expect(html).not.toContain('http-equiv="Content-Security-Policy"');
  });

  it('escapes what the evidence and the author wrote', async () => {
    const listing = await (await get('/')).text();
    expect(listing).not.toContain('<b>down</b>');
    const hostile = listing.match(/href="(\/incidents\/[^"]+)">Checkout &lt;b&gt;/)?.[1];
    expect(hostile).toBeTruthy();
    const id = decodeURIComponent(hostile!.split('/')[2]);
    await get(
      `/incidents/${encodeURIComponent(id)}/narrative/lessons`,
      form({ text: '<script>alert(1)</script>' }),
    );
    const page = await (await get(hostile!)).text();
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps decisions and follow-up fields, and puts them in every export', async () => {
    const saved = await get(
      '/incidents/INC-1042/claims/CLM-002',
      form({ decision: 'rejected', reason: 'the deploy had not reached eu-west yet' }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/incidents/INC-1042#review');
    await get(
      '/incidents/INC-1042/follow-ups/FU-002',
      form({ owner: 'Dana (payments)', due: '2026-12-15', status: 'in-progress' }),
    );
    await get('/incidents/INC-1042/narrative/went-well', form({ text: 'Rollback in four minutes.' }));
    const md = await (await get('/incidents/INC-1042/export.md')).text();
    expect(md).toContain('rejected: the deploy had not reached eu-west yet');
    expect(md).toMatch(/\| Owner \| Due \| Status \|/);
    expect(md).toContain('Dana (payments)');
    expect(md).toContain('## What went well');
    const html = await (await get('/incidents/INC-1042/export.html')).text();
    expect(html).toContain('2026-12-15');
    const json = await (await get('/incidents/INC-1042/export.json')).json();
    expect(json.review.claims.find((c: { id: string }) => c.id === 'CLM-002')).toEqual({
      id: 'CLM-002',
      statement: expect.any(String),
      decision: 'rejected',
      reason: 'the deploy had not reached eu-west yet',
    });
    expect(json.review.followUps.find((f: { id: string }) => f.id === 'FU-002')).toMatchObject({
      owner: 'Dana (payments)',
      due: '2026-12-15',
      status: 'in-progress',
    });
    expect(json.review.narrative['went-well']).toBe('Rollback in four minutes.');
    expect(json.claims.length).toBeGreaterThan(0);
  });

  it('refuses forms posted from another site, and pages asked for by a non-loopback Host', async () => {
    const posted = await get('/incidents/INC-1042/claims/CLM-001', {
      ...form({ decision: 'accepted' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://attacker.example' },
    });
    expect(posted.status).toBe(403);
    expect((await posted.json()).error.code).toBe('CROSS_ORIGIN');
    const opaque = await get('/incidents/INC-1042/claims/CLM-001', {
      ...form({ decision: 'accepted' }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'null',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(opaque.status).toBe(403);
    const rebound = await new Promise<number>((done, failed) =>
      request(`${server.origin}/`, { headers: { host: 'attacker.example:80' } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      })
        .on('error', failed)
        .end(),
    );
    expect(rebound).toBe(403);
  });

  it('takes JSON and answers JSON when asked to', async () => {
    const res = await get('/incidents/INC-1042/suspects/DEP-7781', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ decision: 'accepted', reason: 'deployed 3 min before the first 5xx' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      saved: {
        item: 'suspect:DEP-7781',
        decision: 'accepted',
        reason: 'deployed 3 min before the first 5xx',
      },
    });
    const md = await (await get('/incidents/INC-1042/export.md')).text();
    expect(md).toContain('## Suspects as reviewed');
    const broken = await get('/incidents/INC-1042/suspects/DEP-7781', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('BAD_JSON');
  });

  it('answers refused requests with a JSON error', async () => {
    const cases: [string, RequestInit | undefined, number, string][] = [
      ['/incidents/no-such', undefined, 404, 'NOT_FOUND'],
      ['/incidents/INC-1042/claims/CLM-999', form({ decision: 'accepted' }), 404, 'NOT_FOUND'],
      ['/incidents/INC-1042/claims/CLM-001', form({ decision: 'maybe' }), 400, 'BAD_REQUEST'],
      [
        '/incidents/INC-1042/follow-ups/FU-001',
        form({ status: 'open', due: 'next week' }),
        400,
        'BAD_REQUEST',
      ],
      [
        '/incidents/INC-1042/claims/CLM-001',
        form({ decision: 'accepted', reason: 'x'.repeat(70_000) }),
        413,
        'BODY_TOO_LARGE',
      ],
    ];
    for (const [path, init, status, code] of cases) {
      const res = await get(path, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = await res.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message).toBeTruthy();
    }
  });
});

describe('review server state', () => {
  it('keeps edits across a restart on the same SQLite file, and through regeneration', async () => {
    const db = freshDbPath();
    const first = await serving({ db, bundles: [SEED] });
    await fetch(
      `${first.origin}/incidents/INC-1042/claims/CLM-001`,
      form({ decision: 'accepted', reason: 'matches the deploy log' }),
    );
    await first.stop();
    const second = await serving({ db, bundles: [SEED] });
    try {
      const html = await (await fetch(`${second.origin}/incidents/INC-1042`)).text();
      expect(html).toContain('accepted: matches the deploy log');
      expect(html).toMatch(/<option value="accepted" selected>/);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('keeps the decisions when the bundle is regenerated from new evidence', async () => {
    const db = freshDbPath();
    const bundle = join(mkdtempSync(join(tmpdir(), 'hindsight-bundle-')), 'seed-003');
    cpSync(SEED, bundle, { recursive: true });
    const first = await serving({ db, bundles: [bundle] });
    await fetch(
      `${first.origin}/incidents/INC-1042/claims/CLM-001`,
      form({ decision: 'rejected', reason: 'too early' }),
    );
    await fetch(
      `${first.origin}/incidents/INC-1042/follow-ups/FU-001`,
      form({ owner: 'Sam', due: '', status: 'done' }),
    );
    await first.stop();
    const timeline = join(bundle, 'timeline.md');
    const row =
      '| 2026-02-10T10:06:00.000Z | log | api-gateway | E-107 | [LOG] Connection pool exhausted on auth client |';
    writeFileSync(timeline, `${readFileSync(timeline, 'utf8').trimEnd()}\n${row}\n`);
    const second = await serving({ db, bundles: [bundle] });
    try {
      const md = await (await fetch(`${second.origin}/incidents/INC-1042/export.md`)).text();
      expect(md).toContain('Connection pool exhausted on auth client');
      expect(md).toContain('rejected: too early');
      expect(md).toMatch(/FU-001 .*\| Sam \| {2}\| done \|/);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('with a token, refuses any request without it', async () => {
    const server = await serving({ db: freshDbPath(), bundles: [SEED], token: 's3cret-token' });
    try {
      const refused = await fetch(`${server.origin}/`);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe('TOKEN_REQUIRED');
      expect((await fetch(`${server.origin}/?token=wrong`)).status).toBe(403);
      const page = await fetch(`${server.origin}/incidents/INC-1042?token=s3cret-token`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('action="/incidents/INC-1042/claims/CLM-001?token=s3cret-token"');
      const byHeader = await fetch(`${server.origin}/`, {
        headers: { authorization: 'Bearer s3cret-token' },
      });
      expect(byHeader.status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
