import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDbPath } from '../support/serving.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const started: ChildProcess[] = [];

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
});
