import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { openLibrary } from './open.js';
import { type Cluster, postgresBin, startCluster } from './postgres-cluster.js';
import { storeContract } from './store-contract.js';

const bin = postgresBin();
let cluster: Cluster | null = null;
let databases = 0;

afterAll(() => cluster?.stop());

/** Each run of the suite gets its own database in one throwaway cluster. */
async function freshLibrary() {
  cluster ??= await startCluster(bin!);
  const name = `library_${++databases}`;
  const admin = await import('pg').then(({ default: pg }) => new pg.Client(cluster!.url));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return openLibrary(cluster.url.replace(/\/postgres$/, `/${name}`));
}

storeContract('postgres', freshLibrary, {
  skip: bin
    ? ''
    : 'PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)',
});

describe.skipIf(!bin)('a PostgreSQL library of a newer schema', () => {
  it('is refused in one line, and nothing is written to it', async () => {
    const library = await freshLibrary();
    await library.close();
    const url = cluster!.url.replace(/\/postgres$/, `/library_${databases}`);
    const { default: pg } = await import('pg');
    const client = new pg.Client(url);
    await client.connect();
    await client.query("INSERT INTO schema_migrations VALUES (4, 'from the future', now())");
    const error = await openLibrary(url).catch((e) => e);
    const { rows } = await client.query('SELECT count(*)::int AS n FROM schema_migrations');
    await client.end();
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('LIBRARY_NEWER');
    expect(error.message).toContain('schema version 4, newer than this hindsight knows (3)');
    expect(rows[0].n).toBe(4);
  });
});
