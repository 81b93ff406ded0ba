import type pg from 'pg';
import { InputError } from '../errors.js';
import { Report } from '../model/index.js';
import { MIGRATIONS } from './migrations.js';
import { IncidentRecord } from './record.js';
import { searchWords } from './search-query.js';
import type { SearchFilters, SearchResult, StoreBackend } from './store.js';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));
/** The advisory lock every migrator takes, so concurrent first opens run one after another. */
const MIGRATION_LOCK = 7215001;

/** Versions recorded in `schema_migrations`, or none when the table does not exist yet. */
async function appliedVersions(client: pg.PoolClient): Promise<Set<number>> {
  // A catalog query under the statement's snapshot: to_regclass may answer from a cache that an
  // advisory lock wait does not refresh, and miss a table another process just created.
  const { rows } = await client.query(
    `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class
                     WHERE relname = 'schema_migrations' AND relnamespace = current_schema()::regnamespace) AS present`,
  );
  if (!rows[0].present) return new Set();
  return new Set(
    (await client.query('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)),
  );
}

function refuseNewer(where: string, applied: Set<number>): void {
  const newest = Math.max(0, ...applied);
  if (newest > LATEST)
    throw new InputError(
      'LIBRARY_NEWER',
      where,
      `the library has schema version ${newest}, newer than this hindsight knows (${LATEST}); upgrade hindsight to use it (the database is left as it is)`,
    );
}

/**
 * Brings the schema up to date in one transaction under an advisory lock: the first of several
 * processes opening a new database migrates it, the others wait and then find it done.
 */
async function migrate(pool: pg.Pool, where: string): Promise<void> {
  const client = await pool.connect();
  try {
    const seen = await appliedVersions(client);
    refuseNewer(where, seen);
    if (MIGRATIONS.every((m) => seen.has(m.version))) return;
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const applied = await appliedVersions(client);
    refuseNewer(where, applied);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
    );
    for (const m of MIGRATIONS.filter((m) => !applied.has(m.version))) {
      await client.query(m.postgres);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
        m.version,
        m.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A tsquery of the words: all of them (&) or any (|); words only, so user text is never syntax. */
const tsQuery = (query: string, match: 'all' | 'any') =>
  searchWords(query).join(match === 'any' ? ' | ' : ' & ');

function filterSql(filters: SearchFilters, first: number): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: string | undefined) => {
    if (!value) return;
    params.push(value);
    clauses.push(clause(`$${first + params.length - 1}`));
  };
  add((n) => `EXISTS (SELECT 1 FROM unnest(services) s WHERE lower(s) = lower(${n}))`, filters.service);
  add((n) => `date >= ${n}`, filters.since);
  add((n) => `date <= ${n}`, filters.until);
  add((n) => `lower(severity) = lower(${n})`, filters.severity);
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/**
 * A team library on PostgreSQL: tsvector with weights, ts_rank ordering (normalised by the log of
 * the length, so long documents do not win by size, as with bm25), ts_headline snippets.
 * @example const store = await openPostgres('postgres://127.0.0.1:5432/hindsight')
 */
// Long because the backend is one closure over its pool, one short method per store operation.
export async function openPostgres(url: string): Promise<StoreBackend> {
  // The driver loads only here: the bundled command line would otherwise load it on every start.
  const { default: driver } = await import('pg');
  const pool = new driver.Pool({ connectionString: url, max: 4 });
  const where = url.replace(/\/\/[^@/]*@/, '//');
  try {
    await migrate(pool, where);
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof InputError) throw error;
    throw new InputError(
      'LIBRARY_UNUSABLE',
      where,
      `cannot use the PostgreSQL library (${(error as Error).message})`,
    );
  }
  const parse = (value: unknown) =>
    IncidentRecord.parse(typeof value === 'string' ? JSON.parse(value) : value);
  return {
    kind: 'postgres',
    async put(record, report) {
      await pool.query(
        `INSERT INTO incidents (id, origin, title, date, severity, services, cause_kind, record, saved_at, summary, root_cause, body, report)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET origin = EXCLUDED.origin, title = EXCLUDED.title, date = EXCLUDED.date, severity = EXCLUDED.severity,
           services = EXCLUDED.services, cause_kind = EXCLUDED.cause_kind, record = EXCLUDED.record, saved_at = EXCLUDED.saved_at,
           summary = EXCLUDED.summary, root_cause = EXCLUDED.root_cause, body = EXCLUDED.body, report = EXCLUDED.report`,
        [
          record.id,
          record.origin,
          record.title,
          record.date,
          record.severity,
          record.services,
          record.causeKind,
          JSON.stringify(record),
          record.summary,
          record.rootCause ?? '',
          record.body,
          report ? JSON.stringify(report) : null,
        ],
      );
    },
    async get(id) {
      const { rows } = await pool.query('SELECT record FROM incidents WHERE id = $1', [id]);
      return rows[0] ? parse(rows[0].record) : null;
    },
    async report(id) {
      const { rows } = await pool.query('SELECT report FROM incidents WHERE id = $1', [id]);
      const value = rows[0]?.report;
      return value ? Report.parse(typeof value === 'string' ? JSON.parse(value) : value) : null;
    },
    async list() {
      const { rows } = await pool.query('SELECT record FROM incidents ORDER BY date DESC NULLS LAST, id');
      return rows.map((r) => parse(r.record));
    },
    async search(query, filters = {}) {
      const q = tsQuery(query, filters.match ?? 'all');
      if (!q) return [];
      const where = filterSql(filters, 3);
      const { rows } = await pool.query(
        `SELECT id, title, date, severity, services, ts_rank(search, q, 1) AS score,
                ts_headline('english', title || '. ' || summary || ' ' || root_cause || ' ' || body, q,
                            'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…') AS snippet
           FROM incidents, to_tsquery('english', $1) q
          WHERE search @@ q${where.sql}
          ORDER BY score DESC, id LIMIT $2`,
        [q, filters.limit ?? 20, ...where.params],
      );
      return rows.map(
        (r): SearchResult => ({
          id: r.id,
          title: r.title,
          score: Number(r.score),
          snippet: String(r.snippet).replace(/\s+/g, ' ').trim(),
          date: r.date,
          severity: r.severity,
          services: r.services,
        }),
      );
    },
    async migrations() {
      return (await pool.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) =>
        Number(r.version),
      );
    },
    async putEdit(incidentId, itemId, value) {
      await pool.query(
        `INSERT INTO review_edits (incident_id, item_id, value, saved_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (incident_id, item_id) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at`,
        [incidentId, itemId, JSON.stringify(value)],
      );
    },
    async deleteEdit(incidentId, itemId) {
      await pool.query('DELETE FROM review_edits WHERE incident_id = $1 AND item_id = $2', [
        incidentId,
        itemId,
      ]);
    },
    async edits(incidentId) {
      const { rows } = await pool.query(
        'SELECT item_id, value FROM review_edits WHERE incident_id = $1 ORDER BY item_id',
        [incidentId],
      );
      return Object.fromEntries(rows.map((r) => [r.item_id as string, r.value as Record<string, unknown>]));
    },
    async close() {
      await pool.end();
    },
  };
}
