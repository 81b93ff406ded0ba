import { defaultDbPath } from './data-dir.js';
import { libraryOver } from './library.js';
import type { IncidentStore } from './store.js';

export const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//i.test(db);

export interface OpenOptions {
  /** Only reading (search, related, stats): a current SQLite file is opened read-only. */
  readonly?: boolean;
}

/**
 * Opens the library named by `--db`: a PostgreSQL URL, a SQLite file path, or (without one)
 * the SQLite file in the platform's data directory. Backends load only when used.
 * @example const library = await openLibrary('postgres://127.0.0.1/hindsight')
 */
export async function openLibrary(
  db: string = defaultDbPath(),
  { readonly = false }: OpenOptions = {},
): Promise<IncidentStore> {
  if (isPostgresUrl(db)) {
    const { openPostgres } = await import('./postgres.js');
    return libraryOver(await openPostgres(db));
  }
  const { openSqlite } = await import('./sqlite.js');
  return libraryOver(await openSqlite(db, { readonly }));
}

/**
 * Saves a generated report (or an edited record) to the library named by `--db`, then closes it:
 * what `generate` and the review page call after writing a report.
 * @example await saveToLibrary(report, { db: 'library.db' })
 */
export async function saveToLibrary(
  input: Parameters<IncidentStore['save']>[0],
  { db }: { db?: string } = {},
) {
  const store = await openLibrary(db);
  try {
    return await store.save(input);
  } finally {
    await store.close();
  }
}
