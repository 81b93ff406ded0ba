import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { InputError } from '../errors.js';
import { Report } from '../model/index.js';
import { MIGRATIONS } from './migrations.js';
import { IncidentRecord } from './record.js';
import { searchWords } from './search-query.js';
import type { SearchFilters, SearchResult, StoreBackend } from './store.js';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

/** The newest schema version the file says it has: `user_version`, or its migrations table. */
function schemaVersion(db: Database.Database): number {
  const user = db.pragma('user_version', { simple: true }) as number;
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  const recorded = hasTable
    ? ((db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null) ?? 0)
    : 0;
  return Math.max(user, recorded);
}

function refuseNewer(path: string, version: number): void {
  if (version > LATEST)
    throw new InputError(
      'LIBRARY_NEWER',
      path,
      `the library has schema version ${version}, newer than this hindsight knows (${LATEST}); upgrade hindsight to use it (the file is left as it is)`,
    );
}

/** Whether every known migration is recorded (reads only). */
function isCurrent(db: Database.Database): boolean {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!hasTable) return false;
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  return MIGRATIONS.every((m) => applied.has(m.version));
}

/**
 * Brings the schema up to date in one immediate transaction: the first of several processes
 * opening a new file migrates it, the others wait (busy timeout) and then find it done.
 */
function migrate(db: Database.Database, path: string): void {
  db.transaction(() => {
    refuseNewer(path, schemaVersion(db));
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    for (const m of MIGRATIONS.filter((m) => !applied.has(m.version))) {
      db.exec(m.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }
    db.pragma(`user_version = ${LATEST}`);
  }).immediate();
}

const isBusy = (error: unknown) =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code ?? ''));

/**
 * Opens, trying again for a while when the file is busy: SQLite answers some locks (a WAL file
 * being set up or recovered by another process) at once, without waiting out the busy timeout.
 */
async function openWhenFree<T>(open: () => T, { patienceMs = 10_000 } = {}): Promise<T> {
  const until = Date.now() + patienceMs;
  for (;;) {
    try {
      return open();
    } catch (error) {
      if (!isBusy(error) || Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
    }
  }
}

/** A failure of the file itself as one line naming it; anything else is passed on as it is. */
function fileError(path: string, error: unknown): unknown {
  if (error instanceof InputError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  const message = (error as Error).message;
  if (/^(SQLITE_READONLY|SQLITE_PERM|EACCES|EPERM|EROFS)/.test(code))
    return new InputError('LIBRARY_READ_ONLY', path, `the library cannot be written here (${message})`);
  // Damaged, truncated, or not a database at all (SQLITE_CORRUPT, SQLITE_NOTADB), or not a file.
  if (/^(SQLITE_|ENOTDIR|EISDIR|EEXIST)/.test(code))
    return new InputError('LIBRARY_UNUSABLE', path, `not a usable library database (${message})`);
  return error;
}

/** Every operation's failure of the file itself becomes one line naming it. */
function guarded(path: string, backend: StoreBackend): StoreBackend {
  const wrap =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method(...args);
      } catch (error) {
        throw fileError(path, error);
      }
    };
  return {
    kind: backend.kind,
    put: wrap(backend.put),
    get: wrap(backend.get),
    report: wrap(backend.report),
    list: wrap(backend.list),
    search: wrap(backend.search),
    migrations: wrap(backend.migrations),
    putEdit: wrap(backend.putEdit),
    deleteEdit: wrap(backend.deleteEdit),
    edits: wrap(backend.edits),
    close: wrap(backend.close),
  };
}

interface SqliteOptions {
  /** Only read: the file is opened read-only when its schema is current (search, related, stats). */
  readonly?: boolean;
}

/** Opens the file; migrates it unless it is current (then a read-only open writes nothing). */
function openFile(
  Driver: typeof Database,
  path: string,
  { readonly = false }: SqliteOptions,
): Database.Database {
  if (readonly && path !== ':memory:' && existsSync(path)) {
    const db = new Driver(path, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      refuseNewer(path, schemaVersion(db));
      if (isCurrent(db)) return db;
    } catch (error) {
      db.close();
      throw error;
    }
    // An older schema needs its migrations first, which only a writable open can apply.
    db.close();
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Driver(path);
  try {
    // Several runs may write at once (a CI matrix, parallel generates): wait rather than fail.
    db.pragma('busy_timeout = 10000');
    // A newer library is refused before anything, even the journal mode, is written to it.
    refuseNewer(path, schemaVersion(db));
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    if (!isCurrent(db)) migrate(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** An FTS5 query of quoted words: all of them (implicit AND) or any of them. */
const ftsQuery = (query: string, match: 'all' | 'any') =>
  searchWords(query)
    .map((w) => `"${w}"`)
    .join(match === 'any' ? ' OR ' : ' ');

function filterSql(filters: SearchFilters): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: string | undefined) => {
    if (!value) return;
    clauses.push(clause);
    params.push(value);
  };
  add('EXISTS (SELECT 1 FROM json_each(i.services) WHERE lower(value) = lower(?))', filters.service);
  add('i.date >= ?', filters.since);
  add('i.date <= ?', filters.until);
  add('lower(i.severity) = lower(?)', filters.severity);
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/**
 * The embedded library: one SQLite file, FTS5 with bm25 ranking and snippets.
 * @example const store = await openSqlite(':memory:')
 */
// Long because the backend is one closure over its database handle, one short method per store operation.
export async function openSqlite(path: string, options: SqliteOptions = {}): Promise<StoreBackend> {
  // The native driver loads only here, when a library is opened, not on every start.
  const { default: Driver } = await import('better-sqlite3');
  let db: Database.Database;
  try {
    db = await openWhenFree(() => openFile(Driver, path, options));
  } catch (error) {
    throw fileError(path, error);
  }
  const parse = (json: string) => IncidentRecord.parse(JSON.parse(json));
  return guarded(path, {
    kind: 'sqlite',
    async put(record, report) {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO incidents (id, origin, title, date, severity, services, cause_kind, record, saved_at, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, title = excluded.title, date = excluded.date, severity = excluded.severity,
             services = excluded.services, cause_kind = excluded.cause_kind, record = excluded.record, saved_at = excluded.saved_at,
             report = excluded.report`,
        ).run(
          record.id,
          record.origin,
          record.title,
          record.date,
          record.severity,
          JSON.stringify(record.services),
          record.causeKind,
          JSON.stringify(record),
          new Date().toISOString(),
          report ? JSON.stringify(report) : null,
        );
        db.prepare('DELETE FROM incidents_fts WHERE id = ?').run(record.id);
        db.prepare(
          'INSERT INTO incidents_fts (id, title, summary, root_cause, body) VALUES (?, ?, ?, ?, ?)',
        ).run(record.id, record.title, record.summary, record.rootCause ?? '', record.body);
        // Immediate: take the write lock first, so a busy file is waited for, never failed mid-way.
      }).immediate();
    },
    async get(id) {
      const row = db.prepare('SELECT record FROM incidents WHERE id = ?').pluck().get(id) as
        | string
        | undefined;
      return row ? parse(row) : null;
    },
    async report(id) {
      const row = db.prepare('SELECT report FROM incidents WHERE id = ?').pluck().get(id) as
        | string
        | null
        | undefined;
      return row ? Report.parse(JSON.parse(row)) : null;
    },
    async list() {
      return (
        db.prepare('SELECT record FROM incidents ORDER BY date DESC, id').pluck().all() as string[]
      ).map(parse);
    },
    async search(query, filters = {}) {
      const match = ftsQuery(query, filters.match ?? 'all');
      if (!match) return [];
      const where = filterSql(filters);
      const rows = db
        .prepare(
          `SELECT i.id, i.title, i.date, i.severity, i.services,
                  bm25(incidents_fts, 0.0, 10.0, 4.0, 4.0, 1.0) AS rank,
                  snippet(incidents_fts, -1, '[', ']', '…', 16) AS snippet
             FROM incidents_fts JOIN incidents i ON i.id = incidents_fts.id
            WHERE incidents_fts MATCH ?${where.sql}
            ORDER BY rank LIMIT ?`,
        )
        .all(match, ...where.params, filters.limit ?? 20) as {
        id: string;
        title: string;
        date: string | null;
        severity: string | null;
        services: string;
        rank: number;
        snippet: string;
      }[];
      return rows.map(
        (r): SearchResult => ({
          id: r.id,
          title: r.title,
          score: -r.rank,
          snippet: r.snippet.replace(/\s+/g, ' ').trim(),
          date: r.date,
          severity: r.severity,
          services: JSON.parse(r.services),
        }),
      );
    },
    async migrations() {
      return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
    },
    async putEdit(incidentId, itemId, value) {
      db.prepare(
        `INSERT INTO review_edits (incident_id, item_id, value, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (incident_id, item_id) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at`,
      ).run(incidentId, itemId, JSON.stringify(value), new Date().toISOString());
    },
    async deleteEdit(incidentId, itemId) {
      db.prepare('DELETE FROM review_edits WHERE incident_id = ? AND item_id = ?').run(incidentId, itemId);
    },
    async edits(incidentId) {
      const rows = db
        .prepare('SELECT item_id, value FROM review_edits WHERE incident_id = ? ORDER BY item_id')
        .all(incidentId) as { item_id: string; value: string }[];
      return Object.fromEntries(rows.map((r) => [r.item_id, JSON.parse(r.value)]));
    },
    async close() {
      db.close();
    },
  });
}
