import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type ClickHouseConnection, jsonRows, query, rowsOf } from './clickhouse-http.js';
import {
  type GroupQuery,
  groupQuery,
  maskedKeyProbe,
  quoteIdentifier,
  quoteString,
  textOf,
  timeColumn,
} from './clickhouse-sql.js';
import { whereProblem } from './clickhouse-where.js';
import type { LogStore, StoreGroup, StoreWindow } from './store.js';
import { StoreError } from './store-error.js';

const EnvName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'expected the name of an environment variable');

/** A `sources[]` entry naming a ClickHouse table of log lines. */
export const ClickHouseEntry = z.object({
  clickhouse: z
    .string()
    .regex(/^https?:\/\/[^/@\s]+(\/[^\s]*)?$/, 'expected http(s)://host:8123, without user or password')
    .describe("URL of ClickHouse's HTTP interface (http://127.0.0.1:8123)"),
  database: z.string().min(1).optional().describe('database of the table (default: the user’s default)'),
  table: z.string().min(1).describe('table of log lines'),
  columns: z
    .object({
      ts: z.string().min(1).describe('time: DateTime, or an integer of epoch milliseconds'),
      message: z.string().min(1).describe('the log message'),
      service: z.string().min(1).optional().describe('the service of each line'),
      level: z.string().min(1).optional().describe('the level of each line (error, 50, …)'),
    })
    .describe('column names in the table'),
  tsUnit: z.enum(['ms', 's']).default('ms').describe('unit of an integer time column'),
  where: z.string().optional().describe("extra filter, SQL (env = 'prod'); no subquery, ';' or comment"),
  services: z.array(z.string()).optional().describe('only these services'),
  service: z.string().optional().describe('service of every line when there is no service column'),
  userEnv: EnvName.optional().describe('environment variable holding the ClickHouse user'),
  passwordEnv: EnvName.optional().describe('environment variable holding the password'),
  timeout: z.number().positive().default(300).describe('seconds a query may take'),
});
export type ClickHouseEntry = z.infer<typeof ClickHouseEntry>;

export interface ClickHouseOptions {
  env?: Record<string, string | undefined>;
  /** Called about once a second while the main query runs, for progress on a terminal. */
  onProgress?: (progress: { rows: number; totalRows: number; seconds: number }) => void;
  /**
   * How many lines of the window to look at first for keys holding masked words (`p99=`): when
   * some do, the store groups by keys at once; else it groups without them and does it again
   * only if a group's masked line holds one. 0 skips the look.
   */
  probeRows?: number;
  /** Called with each grouping query as it is sent (to see what ran). */
  onQuery?: (sql: string) => void;
}

/** The user and password from the variables the entry names; a named variable that is unset stops the run. */
function credentials(entry: ClickHouseEntry, source: string, env: Record<string, string | undefined>) {
  const read = (name: string | undefined) => {
    if (name === undefined) return undefined;
    const value = env[name];
    if (value === undefined)
      throw new StoreError('STORE_CREDENTIALS', source, `environment variable ${name} is not set`);
    return value;
  };
  return { user: read(entry.userEnv), password: read(entry.passwordEnv) };
}

interface Prepared {
  query: GroupQuery;
  settings: Record<string, string>;
}

/**
 * A LogStore over a ClickHouse table: the table's columns are checked against DESCRIBE, the
 * filter by the server (LIMIT 0), then one query masks, groups and counts on the server and
 * returns one row per distinct masked line. That query leaves out the keys (a fifth of the
 * server's work) unless a first look at the window finds a key holding a masked word; if its
 * answer still has one, it is thrown away and the query runs again with keys (see `groupQuery`).
 * Every query runs read-only.
 * @example clickhouseStore({ clickhouse: 'http://127.0.0.1:8123', table: 'logs', columns: { ts: 'ts', message: 'message' } })
 */
export function clickhouseStore(
  input: z.input<typeof ClickHouseEntry>,
  options: ClickHouseOptions = {},
): LogStore {
  const entry = ClickHouseEntry.parse(input);
  const url = entry.clickhouse.replace(/\/+$/, '');
  const table = `${entry.database ? `${entry.database}.` : ''}${entry.table}`;
  const name = `clickhouse ${url} ${table}`;
  const connection: ClickHouseConnection = {
    url,
    source: name,
    ...credentials(entry, name, options.env ?? process.env),
    timeoutMs: entry.timeout * 1000,
  };

  const prepare = async (window: StoreWindow, signal?: AbortSignal): Promise<Prepared> => {
    const [setting] = await rowsOf(connection, "SELECT value FROM system.settings WHERE name = 'readonly'", {
      signal,
    });
    const readonly = String(setting?.value ?? '0');
    // A user whose profile is read-only may change no setting; any other runs read-only by request.
    const settings: Record<string, string> =
      readonly === '1'
        ? {}
        : {
            ...(readonly === '0' ? { readonly: '2' } : {}),
            max_execution_time: String(entry.timeout),
            output_format_json_quote_64bit_integers: '0',
          };
    const tableSql = `${entry.database ? `${quoteIdentifier(entry.database)}.` : ''}${quoteIdentifier(entry.table)}`;
    const described = await rowsOf(connection, `DESCRIBE TABLE ${tableSql}`, { settings, signal });
    const types = new Map(described.map((r) => [String(r.name), String(r.type)]));
    const column = (role: string, wanted: string) => {
      const type = types.get(wanted);
      if (type === undefined)
        throw new StoreError(
          'STORE_COLUMN',
          name,
          `no column ${JSON.stringify(wanted)} (columns.${role}) in ${table}; it has ${[...types.keys()].join(', ')}`,
        );
      return type;
    };
    const { columns } = entry;
    const time = timeColumn(columns.ts, column('ts', columns.ts), entry.tsUnit);
    if (!time)
      throw new StoreError(
        'STORE_COLUMN',
        name,
        `column ${JSON.stringify(columns.ts)} is ${types.get(columns.ts)}: expected DateTime or an integer of epoch ms`,
      );
    const message = textOf(columns.message, column('message', columns.message));
    const fixedService = quoteString(entry.service ?? entry.table);
    const service = columns.service
      ? textOf(columns.service, column('service', columns.service))
      : fixedService;
    const level = columns.level ? textOf(columns.level, column('level', columns.level)) : "''";
    if (entry.where !== undefined) {
      const problem = whereProblem(entry.where);
      if (problem) throw new StoreError('STORE_WHERE', name, `where ${problem}`);
      try {
        await rowsOf(connection, `SELECT 1 FROM ${tableSql} WHERE (${entry.where}) LIMIT 0`, {
          settings,
          signal,
        });
      } catch (error) {
        if (!(error instanceof StoreError) || !['STORE_QUERY', 'STORE_COLUMN'].includes(error.code))
          throw error;
        throw new StoreError(
          'STORE_WHERE',
          name,
          `where is not a filter ClickHouse accepts: ${error.message.replace(`${name}: `, '')}`,
        );
      }
    }
    const query: GroupQuery = {
      table: tableSql,
      time,
      message,
      service,
      level,
      window: { from: window.from.getTime(), to: window.to.getTime() },
      services: entry.services,
      where: entry.where,
    };
    return { query, settings };
  };

  /** The answer rows of one grouping query, with progress while it runs. */
  async function* grouped(sql: string, settings: Record<string, string>, signal?: AbortSignal) {
    options.onQuery?.(sql);
    const queryId = `hindsight-${randomUUID()}`;
    const stopWatching = options.onProgress
      ? watch(connection, queryId, settings, options.onProgress)
      : () => {};
    try {
      const response = await query(connection, `${sql}\nFORMAT JSONEachRow`, { settings, queryId, signal });
      yield* jsonRows(connection, response);
    } finally {
      stopWatching();
    }
  }

  return {
    name,
    async *groups(window: StoreWindow, signal?: AbortSignal): AsyncIterable<StoreGroup> {
      const { query: q, settings } = await prepare(window, signal);
      const fallbackService = entry.service ?? entry.table;
      const probeRows = options.probeRows ?? PROBE_ROWS;
      const [probe] =
        probeRows > 0 ? await rowsOf(connection, maskedKeyProbe(q, probeRows), { settings, signal }) : [];
      if (!Number(probe?.keyed ?? 0)) {
        // Held until the end: one row with a masked key means every row must be grouped again.
        const rows: Record<string, unknown>[] = [];
        let keyed = false;
        for await (const row of grouped(groupQuery(q, { keys: false }), settings, signal)) {
          if (Number(row.keyed)) keyed = true;
          if (!keyed) rows.push(row);
        }
        if (!keyed) {
          for (const row of rows) yield toGroup(row, fallbackService);
          return;
        }
      }
      for await (const row of grouped(groupQuery(q), settings, signal)) yield toGroup(row, fallbackService);
    },
  };
}

const MINUTE_MS = 60_000;
/** Lines of the window looked at for masked keys before grouping: a few milliseconds' work. */
const PROBE_ROWS = 2000;

/** One answer row as a StoreGroup: minutes come back as minute numbers since the epoch, in no order. */
function toGroup(row: Record<string, unknown>, fallbackService: string): StoreGroup {
  // groupArray keeps no order: the minutes are sorted here.
  const minutes = (row.minutes as unknown[])
    .map((m, i) => ({ minute: Number(m) * MINUTE_MS, count: Number((row.counts as unknown[])[i]) }))
    .sort((a, b) => a.minute - b.minute);
  const level = String(row.level ?? '');
  return {
    service: String(row.service ?? '') || fallbackService,
    level: level === '' ? null : level,
    example: String(row.example ?? ''),
    minutes,
    first: Number(row.first),
    last: Number(row.last),
  };
}

/** Polls system.processes for the query's rows read, once a second, until stopped. */
function watch(
  connection: ClickHouseConnection,
  queryId: string,
  settings: Record<string, string>,
  report: NonNullable<ClickHouseOptions['onProgress']>,
): () => void {
  const started = Date.now();
  const sql = `SELECT read_rows, total_rows_approx FROM system.processes WHERE query_id = ${quoteString(queryId)}`;
  const timer = setInterval(() => {
    rowsOf({ ...connection, timeoutMs: 5000 }, sql, { settings })
      .then(([row]) =>
        report({
          rows: Number(row?.read_rows ?? 0),
          totalRows: Number(row?.total_rows_approx ?? 0),
          seconds: (Date.now() - started) / 1000,
        }),
      )
      .catch(() => report({ rows: 0, totalRows: 0, seconds: (Date.now() - started) / 1000 }));
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}
