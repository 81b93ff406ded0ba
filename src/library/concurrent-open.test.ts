import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from './open.js';
import { type Cluster, postgresBin, startCluster } from './postgres-cluster.js';

// Real processes, as a CI matrix or parallel `generate` runs would be: the built library opens the store.
const root = fileURLToPath(new URL('../..', import.meta.url));
const built = process.env.BUILT ?? join(root, 'dist/library/index.js');
const PROCESSES = 8;
const EACH = 5;

const dir = mkdtempSync(join(tmpdir(), 'hindsight-concurrent-'));
const child = join(dir, 'save.mjs');
writeFileSync(
  child,
  `const { openLibrary } = await import(${JSON.stringify(built)});
const { existsSync } = await import('node:fs');
const [db, who, go] = process.argv.slice(2);
process.stdout.write('ready\\n');
const giveUp = Date.now() + 60000;
while (!existsSync(go)) {
  if (Date.now() > giveUp) throw new Error('never told to start');
  await new Promise((r) => setTimeout(r, 1));
}
const library = await openLibrary(db);
for (let i = 0; i < ${EACH}; i++)
  await library.save({
    id: 'INC-' + who + '-' + i, origin: 'imported', file: null, title: 'Checkout outage ' + who + ' ' + i,
    date: '2026-01-01', severity: null, services: ['checkout'], summary: 'pool exhausted', rootCause: null,
    impact: { durationSeconds: null, usersAffected: null, usersAffectedPercent: null, errorRatePercent: null },
    timeline: [], causeKind: null, logTemplates: [], actionItems: [],
    durations: { detect: null, acknowledge: null, mitigate: null }, body: 'the pool was exhausted',
  });
await library.close();
`,
);

let rounds = 0;

/** Starts every process, lets them all open the library at the same moment, and waits for them. */
async function saveAtOnce(db: string): Promise<{ status: number | null; stderr: string }[]> {
  const go = join(dir, `go-${++rounds}`);
  let ready = 0;
  return Promise.all(
    Array.from(
      { length: PROCESSES },
      (_, who) =>
        new Promise<{ status: number | null; stderr: string }>((resolve) => {
          const p = spawn('node', [child, db, String(who), go]);
          let stderr = '';
          p.stdout.once('data', () => {
            if (++ready === PROCESSES) writeFileSync(go, '');
          });
          p.stderr.on('data', (d) => {
            stderr += d;
          });
          p.on('close', (status) => resolve({ status, stderr }));
        }),
    ),
  );
}

async function expectAllSaved(db: string) {
  const runs = await saveAtOnce(db);
  expect(runs.filter((r) => r.status !== 0)).toEqual([]);
  const library = await openLibrary(db);
  try {
    expect((await library.list()).length).toBe(PROCESSES * EACH);
    expect(await library.migrations()).toEqual([1, 2, 3]);
  } finally {
    await library.close();
  }
}

const absent = existsSync(built) ? '' : `skipped: ${built} is not built (npm run build)`;

describe.skipIf(absent)(`${PROCESSES} processes opening a new library at once ${absent}`, () => {
  it.each([1, 2, 3, 4])(
    'SQLite, round %i: every process saves every incident',
    async (round) => {
      await expectAllSaved(join(dir, `round-${round}`, 'library.db'));
    },
    60_000,
  );

  const bin = postgresBin();
  let cluster: Cluster | null = null;
  afterAll(() => cluster?.stop());
  it.skipIf(!bin).each([1, 2, 3])(
    'PostgreSQL, round %i: every process saves every incident',
    async (round) => {
      cluster ??= await startCluster(bin!);
      const { default: pg } = await import('pg');
      const admin = new pg.Client(cluster.url);
      await admin.connect();
      await admin.query(`CREATE DATABASE concurrent_${round}`);
      await admin.end();
      await expectAllSaved(cluster.url.replace(/\/postgres$/, `/concurrent_${round}`));
    },
    60_000,
  );
});
