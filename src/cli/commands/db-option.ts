import type { Command } from 'commander';
import {
  defaultDbPath,
  type IncidentStore,
  libraryLabel,
  type OpenOptions,
  openLibrary,
} from '../../library/index.js';

/** `--db`: every library command takes the same option. */
export const withDbOption = (command: Command) =>
  command.option(
    '--db <path|url>',
    'library: a SQLite file, or postgres://… (default: the platform data directory)',
  );

/** Says on stderr, once per run, which library a command uses: the default one is easy to forget. */
export function announceLibrary(db: string | undefined, what = ''): void {
  process.stderr.write(`hindsight: incident library ${libraryLabel(db ?? defaultDbPath())}${what}\n`);
}

/** Opens the library, runs the work, and always closes it. */
export async function usingLibrary<T>(
  db: string | undefined,
  work: (store: IncidentStore) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const store = await openLibrary(db, options);
  // Named once it opened, so a library that cannot be used stays a one-line error.
  announceLibrary(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The same for commands that only read (search, related, stats): a current SQLite file is opened read-only. */
export const readingLibrary = <T>(db: string | undefined, work: (store: IncidentStore) => Promise<T>) =>
  usingLibrary(db, work, { readonly: true });
