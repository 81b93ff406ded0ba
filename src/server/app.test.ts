import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, freshDbPath, serving } from '../../test/support/serving.js';

const SEED = 'examples/seed-003';

/** The review form's fields as the browser would send them untouched: inputs, selected options, textareas. */
function formFields(html: string): Map<string, string> {
  const unescaped = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const fields = new Map<string, string>();
  for (const m of html.matchAll(
    /<input (?![^>]*type="checkbox")[^>]*name="([^"]*)"[^>]*?(?:value="([^"]*)")?>/g,
  ))
    fields.set(unescaped(m[1]), unescaped(m[2] ?? ''));
  for (const m of html.matchAll(/<select name="([^"]*)">([\s\S]*?)<\/select>/g))
    fields.set(
      unescaped(m[1]),
      /<option value="([^"]*)" selected>/.exec(m[2])?.[1] ?? /<option value="([^"]*)"/.exec(m[2])?.[1] ?? '',
    );
  for (const m of html.matchAll(/<textarea name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g))
    fields.set(unescaped(m[1]), unescaped(m[2]));
  return fields;
}

/** The name of a field inside a fieldset of the review form (`<item key>/<field>`). */
function fieldName(html: string, fieldset: string, field: string): string {
  const part = new RegExp(`<fieldset id="${fieldset}">[\\s\\S]*?</fieldset>`).exec(html)?.[0] ?? '';
  const name = new RegExp(`name="([^"]*/${field})"`).exec(part)?.[1];
  if (!name) throw new Error(`no ${field} in ${fieldset}`);
  return name.replace(/&amp;/g, '&');
}
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

  it('shows the report with one review form holding every claim, suspect, follow-up and narrative field', async () => {
    const html = await (await get('/incidents/INC-1042')).text();
    expect(html).toContain('<h2>Claims and evidence</h2>');
    expect(html.match(/<form method="post"/g)).toHaveLength(1);
    const reviewForm =
      /<form [^>]*action="\/incidents\/INC-1042\/review"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    for (const part of [
      'CLM-001',
      'suspect-DEP-7781',
      'FU-002',
      'narrative-lessons',
      'new-follow-up',
      'new-timeline',
    ])
      expect(reviewForm).toContain(`<fieldset id="review-${part}">`);
    expect(reviewForm.match(/<button type="submit"/g)?.length).toBeGreaterThan(3);
    expect(html).not.toContain('http-equiv="Content-Security-Policy"');
  });

  it('saves every field of the form together, so what was typed in one part is not lost saving another', async () => {
    const page = await (await get('/incidents/INC-1042')).text();
    const fields = formFields(page);
    const key = (fieldset: string, field: string) => fieldName(page, fieldset, field);
    fields.set(key('review-CLM-003', 'decision'), 'accepted');
    fields.set(key('review-CLM-003', 'reason'), 'the alert fired at 10:09');
    fields.set(key('review-narrative-went-wrong', 'text'), 'Nobody owned the pool size.');
    fields.set(key('review-FU-003', 'owner'), 'Kim');
    fields.set('new-follow-up/action', 'Alert on pool saturation');
    fields.set('new-follow-up/owner', 'Ops');
    fields.set('new-timeline/ts', '2026-02-10T10:07');
    fields.set('new-timeline/summary', 'Status page updated by hand');
    fields.set('at', 'narrative');
    const saved = await get('/incidents/INC-1042/review', form(Object.fromEntries(fields)));
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/incidents/INC-1042#review-narrative');
    const json = await (await get('/incidents/INC-1042/export.json')).json();
    expect(json.review.claims.find((c: { id: string }) => c.id === 'CLM-003')).toMatchObject({
      decision: 'accepted',
      reason: 'the alert fired at 10:09',
    });
    expect(json.review.narrative['went-wrong']).toBe('Nobody owned the pool size.');
    expect(json.review.followUps.find((f: { id: string }) => f.id === 'FU-003').owner).toBe('Kim');
    expect(json.review.added.followUps).toEqual([
      { id: 'FU-R1', action: 'Alert on pool saturation', owner: 'Ops', due: '', status: 'open' },
    ]);
    expect(json.review.added.timeline).toEqual([
      { ts: '2026-02-10T10:07:00.000Z', summary: 'Status page updated by hand' },
    ]);
    const md = await (await get('/incidents/INC-1042/export.md')).text();
    expect(md).toMatch(/\| FU-R1 \| Alert on pool saturation \| .*\| Ops \| +\| open \|/);
    expect(md).toMatch(/Added in review[\s\S]*\| 2026-02-10 10:07:00 \| Status page updated by hand \|/);
    const html = await (await get('/incidents/INC-1042/export.html')).text();
    expect(html).toContain('Alert on pool saturation');
    expect(html).toContain('Status page updated by hand');
    const after = await (await get('/incidents/INC-1042')).text();
    expect(after).toContain('<fieldset id="review-FU-R1">');
    expect(after).toContain('Status page updated by hand');
  });

  it('writes only what was changed on the page, so a page left open elsewhere does not undo a newer edit', async () => {
    const stalePage = await (await get('/incidents/INC-1042')).text();
    await get(
      '/incidents/INC-1042/claims/CLM-004',
      form({ decision: 'rejected', reason: 'newer, from another tab' }),
    );
    const fields = formFields(stalePage);
    fields.set(fieldName(stalePage, 'review-narrative-lessons', 'text'), 'Size pools from load tests.');
    await get('/incidents/INC-1042/review', form(Object.fromEntries(fields)));
    const json = await (await get('/incidents/INC-1042/export.json')).json();
    expect(json.review.claims.find((c: { id: string }) => c.id === 'CLM-004')).toMatchObject({
      decision: 'rejected',
      reason: 'newer, from another tab',
    });
    expect(json.review.narrative.lessons).toBe('Size pools from load tests.');
  });

  it('adds a follow-up and a timeline entry by JSON, and refuses one without its words', async () => {
    const post = (path: string, body: object) =>
      get(`/incidents/INC-1042/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    const added = await post('follow-ups', { action: 'Document the rollback', due: '2027-01-15' });
    expect(added.status).toBe(200);
    expect((await added.json()).saved).toMatchObject({ item: expect.stringMatching(/^follow-up:FU-R\d+$/) });
    const entry = await post('timeline', { ts: '2026-02-10T10:30:00Z', summary: 'Postmortem scheduled' });
    expect(entry.status).toBe(200);
    expect((await post('follow-ups', { owner: 'Ops' })).status).toBe(400);
    expect((await post('timeline', { summary: 'no time' })).status).toBe(400);
    const json = await (await get('/incidents/INC-1042/export.json')).json();
    expect(json.review.added.followUps.map((f: { action: string }) => f.action)).toContain(
      'Document the rollback',
    );
    expect(json.review.added.timeline.map((e: { summary: string }) => e.summary)).toContain(
      'Postmortem scheduled',
    );
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

  it('answers HEAD wherever it answers GET: the same status and headers, no body', async () => {
    const paths = ['/', '/incidents/INC-1042', '/incidents/no-such', '/nowhere'];
    for (const format of ['md', 'html', 'json']) paths.push(`/incidents/INC-1042/export.${format}`);
    for (const path of paths) {
      const full = await get(path);
      const head = await get(path, { method: 'HEAD' });
      // The date and the connection's own (hop-by-hop) headers aside, every header is the same.
      const headers = (res: Response) =>
        [...res.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name));
      expect(head.status, path).toBe(full.status);
      expect(headers(head), path).toEqual(headers(full));
      expect(await head.text(), path).toBe('');
    }
  });

  it('answers a malformed path, Origin or deeply nested JSON with 4xx, not 500', async () => {
    const path = await get('/incidents/%');
    expect(path.status).toBe(400);
    expect((await path.json()).error.code).toBe('BAD_PATH');
    expect((await get('/incidents/INC-1042/export.%E0%A4%A')).status).toBe(400);
    const origin = await get('/incidents/INC-1042/claims/CLM-001', {
      ...form({ decision: 'accepted' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://[::1' },
    });
    expect(origin.status).toBe(403);
    const deep = await get('/incidents/INC-1042/claims/CLM-001', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"decision":"accepted","reason":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    });
    expect(deep.status).toBe(400);
    expect((await deep.json()).error.code).toBe('BAD_JSON');
  });

  it('refuses a Host that only starts like loopback, as DNS rebinding sends, for reading and writing', async () => {
    const asked = (method: string, host: string) =>
      new Promise<number>((done, failed) =>
        request(
          `${server.origin}/incidents/INC-1042/claims/CLM-001`,
          { method, headers: { host } },
          (res) => {
            res.resume();
            done(res.statusCode ?? 0);
          },
        )
          .on('error', failed)
          .end(method === 'POST' ? 'decision=accepted' : undefined),
      );
    const port = new URL(server.origin).port;
    expect(await asked('GET', `127.0.0.1.evil.example:${port}`)).toBe(403);
    expect(await asked('POST', `127.0.0.1.evil.example:${port}`)).toBe(403);
    expect(await asked('GET', `localhost.:${port}`)).not.toBe(403);
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
    const before = await (await fetch(`${first.origin}/incidents/INC-1042/export.json`)).json();
    const decided = before.followUps[0].action.slice(0, 40);
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
      // The decision follows its follow-up, whatever number the new evidence gives it.
      const row = md.split('\n').find((l) => l.includes(decided)) ?? '';
      expect(row).toMatch(/\| Sam \| {1,2}\| done \|/);
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
      expect(await page.text()).toContain('action="/incidents/INC-1042/review?token=s3cret-token"');
      const byHeader = await fetch(`${server.origin}/`, {
        headers: { authorization: 'Bearer s3cret-token' },
      });
      expect(byHeader.status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
