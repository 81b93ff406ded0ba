import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDbPath } from '../support/serving.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const started: ChildProcess[] = [];
/** What the last `serve` printed on stderr up to its URL. */
let printed = '';

/** Starts `hindsight serve` and resolves with the URL it prints once listening. */
function serve(...args: string[]): Promise<string> {
  const child = spawn(
    'node',
    [join(root, 'bin/hindsight.js'), 'serve', '--port', '0', '--db', freshDbPath(), ...args],
    {
      cwd: root,
    },
  );
  started.push(child);
  return new Promise((found, failed) => {
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const url = /reviewing at (\S+)/.exec(err)?.[1];
      printed = err;
      if (url) found(url);
    });
    child.on('exit', (code) => failed(new Error(`serve exited ${code}: ${err}`)));
  });
}

afterEach(() => {
  for (const child of started.splice(0)) child.kill();
});

describe('hindsight serve', () => {
  it('listens on loopback without a token by default', async () => {
    const url = await serve('examples/seed-003');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(printed).toMatch(/^hindsight: incident library \S+\.db$/m);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="/incidents/INC-1042"');
  }, 60_000);

  it('beyond loopback, generates a token and refuses requests without it', async () => {
    const url = await serve('--host', '0.0.0.0');
    const withToken = new URL(url.replace('0.0.0.0', '127.0.0.1'));
    expect(withToken.searchParams.get('token')).toMatch(/^[\w-]{20,}$/);
    expect((await fetch(`${withToken.origin}/`)).status).toBe(403);
    expect((await fetch(withToken)).status).toBe(200);
  }, 60_000);

  it('refuses an empty token with one line and exit 2, rather than serving with none', () => {
    for (const token of ['', ' ']) {
      const run = spawnSync(
        'node',
        [
          join(root, 'bin/hindsight.js'),
          'serve',
          '--host',
          '0.0.0.0',
          '--token',
          token,
          '--db',
          freshDbPath(),
        ],
        { cwd: root, encoding: 'utf8', timeout: 30_000 },
      );
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^hindsight: --token: an empty token would let anyone in[^\n]*\n$/);
    }
  }, 60_000);

  it('refuses a Host that only starts like loopback (DNS rebinding), and answers HEAD like GET', async () => {
    const url = new URL(await serve('examples/seed-003'));
    const status = (method: string, host: string) =>
      new Promise<number>((done, failed) =>
        request(url, { method, headers: { host } }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        })
          .on('error', failed)
          .end(),
      );
    expect(await status('GET', `127.0.0.1.evil.example:${url.port}`)).toBe(403);
    expect(await status('GET', `localhost:${url.port}`)).toBe(200);
    expect(await status('HEAD', `127.0.0.1:${url.port}`)).toBe(200);
    const head = await fetch(new URL('/incidents/INC-1042', url), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await head.text()).toBe('');
  }, 60_000);
});
