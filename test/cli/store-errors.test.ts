import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hindsight-store-errors-'));
const hindsight = (...args: string[]) =>
  spawnSync('node', [join(root, 'bin/hindsight.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HINDSIGHT_DB: join(dir, 'library.db'), CH_PASSWORD: 'pa55-w0rd-never-shown' },
  });

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function bundle(name: string, manifest: string, events = false): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'incident.yaml'), manifest);
  if (events)
    writeFileSync(
      join(folder, 'events.json'),
      JSON.stringify([
        {
          ts: '2026-02-10T14:00:00Z',
          kind: 'deploy',
          service: 'checkout',
          ref: 'DEP-1',
          summary: 'Deploy checkout 2.0',
        },
      ]),
    );
  return folder;
}

describe('a ClickHouse source that cannot answer', () => {
  it('stops the run with one line naming the source when it is the only evidence (exit 2)', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const folder = bundle(
      'alone',
      `window: { from: 2026-02-10T13:00:00Z, to: 2026-02-10T15:00:00Z }\nsources:\n  - { clickhouse: "${url}", table: logs, columns: { ts: ts, message: message }, passwordEnv: CH_PASSWORD }\n`,
    );
    const run = hindsight('generate', folder, '--no-save');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `hindsight: clickhouse ${url} logs: cannot reach ClickHouse (ECONNREFUSED); is it running and is the URL right?`,
    ]);
  });

  it('is a data-quality problem when the rest of the bundle makes a report', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const folder = bundle(
      'with-events',
      `sources:\n  - { clickhouse: "${url}", table: logs, columns: { ts: ts, message: message } }\n`,
      true,
    );
    const run = hindsight('generate', folder, '--no-save', '--format', 'json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.dataQuality.problems).toContainEqual(
      expect.objectContaining({
        file: `clickhouse ${url} logs`,
        message: expect.stringContaining('cannot reach ClickHouse'),
      }),
    );
    expect(run.stdout + run.stderr).not.toContain('pa55-w0rd-never-shown');
  });

  it('refuses a password written in the manifest, naming the key', () => {
    const folder = bundle(
      'password',
      'sources:\n  - { clickhouse: "http://127.0.0.1:8123", table: logs, columns: { ts: ts, message: message }, password: hunter2 }\n',
    );
    const run = hindsight('generate', folder, '--no-save');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("key 'sources.0.password': credentials never go in the manifest");
    expect(run.stderr).not.toContain('hunter2');
  });
});
