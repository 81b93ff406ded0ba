import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, createApp } from '../../src/server/app.js';

export const freshDbPath = () => join(mkdtempSync(join(tmpdir(), 'hindsight-serve-')), 'library.db');

/** A real server on a free loopback port; `stop` closes it and the library. */
export async function serving(options: AppOptions) {
  const app = await createApp(options);
  const server = createServer(app.handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    origin,
    async stop() {
      await new Promise((done) => server.close(done));
      await app.close();
    },
  };
}

export const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});
