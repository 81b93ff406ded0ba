import { homedir } from 'node:os';
import { resolve, sep } from 'node:path';
import { isPostgresUrl } from './open.js';

/**
 * How a library is named to the user: a file path with the home folder as `~`, or a PostgreSQL
 * URL without its password, which must never reach a report or a terminal.
 * @example libraryLabel('postgres://app:s3cret@db/hindsight') // 'postgres://app@db/hindsight'
 */
export function libraryLabel(db: string, { home = homedir() }: { home?: string } = {}): string {
  if (isPostgresUrl(db)) {
    try {
      const url = new URL(db);
      url.password = '';
      url.search = '';
      return url.toString();
    } catch {
      return 'a PostgreSQL library (its URL cannot be shown)';
    }
  }
  if (db === ':memory:') return db;
  const path = resolve(db);
  return home && path.startsWith(home + sep) ? `~${path.slice(home.length)}` : path;
}
