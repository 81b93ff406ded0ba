import { defaultDbPath } from './data-dir.js';
import { libraryOver } from './library.js';
import type { IncidentStore } from './store.js';

export const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//i.test(db);

/**
 * Opens the library named by `--db`: a PostgreSQL URL, a SQLite file path, or (without one)
 * the SQLite file in the platform's data directory. Backends load only when used.
 * @example const library = await openLibrary('postgres://127.0.0.1/hindsight')
 */
export async function openLibrary(db: string = defaultDbPath()): Promise<IncidentStore> {
  if (isPostgresUrl(db)) {
    const { openPostgres } = await import('./postgres.js');
    return libraryOver(await openPostgres(db));
  }
  const { openSqlite } = await import('./sqlite.js');
  return libraryOver(openSqlite(db));
}
