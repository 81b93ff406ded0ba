import type { Command } from 'commander';
import { type IncidentStore, openLibrary } from '../../library/index.js';

/** `--db`: every library command takes the same option. */
export const withDbOption = (command: Command) =>
  command.option(
    '--db <path|url>',
    'library: a SQLite file, or postgres://… (default: the platform data directory)',
  );

/** Opens the library, runs the work, and always closes it. */
export async function usingLibrary<T>(
  db: string | undefined,
  work: (store: IncidentStore) => Promise<T>,
): Promise<T> {
  const store = await openLibrary(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
