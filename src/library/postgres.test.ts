import { afterAll } from 'vitest';
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
