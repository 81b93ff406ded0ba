import { StoreError } from './store-error.js';

export interface ClickHouseConnection {
  /** The server's base URL, without credentials. */
  url: string;
  /** Names the source in messages. */
  source: string;
  user?: string;
  password?: string;
  timeoutMs: number;
}

export interface QueryOptions {
  /** Settings sent with the query (only when the server lets this user change settings). */
  settings?: Record<string, string>;
  queryId?: string;
  signal?: AbortSignal;
}

/** ClickHouse's `Code: 60, e.displayText() = DB::Exception: …` as a number and a short text. */
export function serverError(body: string): { code: number | null; text: string } {
  const code = /Code: (\d+)/.exec(body);
  const text = body
    .replace(/^Code: \d+,?\s*/, '')
    .replace(/^e\.displayText\(\) = /, '')
    .replace(/^DB::Exception:\s*/, '')
    .replace(/,? e\.what\(\) = DB::Exception\s*$/, '')
    .replace(/\s*\(version [^)]{1,40}\)\s*$/, '')
    .split('\n')[0]
    .trim();
  return { code: code ? Number(code[1]) : null, text: text.slice(0, 300) };
}

const AUTH_CODES = new Set([192, 193, 194, 195, 516]);
const TIMEOUT_CODES = new Set([159, 160, 209, 210]);

/** The StoreError for a failed answer from the server. */
function failure(connection: ClickHouseConnection, status: number, body: string): StoreError {
  const { code, text } = serverError(body);
  if (status === 401 || status === 403 || (code !== null && AUTH_CODES.has(code)))
    return new StoreError(
      'STORE_AUTH',
      connection.source,
      `ClickHouse refused the user or password (${text || `HTTP ${status}`}); check the variables userEnv and passwordEnv name`,
    );
  if (code !== null && TIMEOUT_CODES.has(code))
    return new StoreError('STORE_TIMEOUT', connection.source, `the query took too long: ${text}`);
  if (code === 60 || code === 81)
    return new StoreError('STORE_TABLE', connection.source, `${text}; check database and table`);
  if (code === 47) return new StoreError('STORE_COLUMN', connection.source, text);
  return new StoreError('STORE_QUERY', connection.source, `ClickHouse answered: ${text || `HTTP ${status}`}`);
}

/**
 * Sends one query over ClickHouse's HTTP interface (POST body, credentials in headers, never in
 * the URL) and returns the response once the server has started answering.
 */
export async function query(
  connection: ClickHouseConnection,
  sql: string,
  { settings = {}, queryId, signal }: QueryOptions = {},
): Promise<Response> {
  const params = new URLSearchParams(settings);
  if (queryId) params.set('query_id', queryId);
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (connection.user !== undefined) headers['X-ClickHouse-User'] = connection.user;
  if (connection.password !== undefined) headers['X-ClickHouse-Key'] = connection.password;
  const timeout = AbortSignal.timeout(connection.timeoutMs);
  let response: Response;
  try {
    response = await fetch(`${connection.url}/?${params}`, {
      method: 'POST',
      headers,
      body: sql,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw transportError(connection, error);
  }
  if (!response.ok) throw failure(connection, response.status, await response.text().catch(() => ''));
  return response;
}

/** The StoreError for a request that got no answer: refused, unresolved, or out of time. */
export function transportError(connection: ClickHouseConnection, error: unknown): StoreError {
  if ((error as Error).name === 'TimeoutError')
    return new StoreError(
      'STORE_TIMEOUT',
      connection.source,
      `no answer within ${Math.round(connection.timeoutMs / 1000)} s; narrow the window or the filter, or raise timeout`,
    );
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (error as Error).message;
  return new StoreError(
    'STORE_UNREACHABLE',
    connection.source,
    `cannot reach ClickHouse (${why}); is it running and is the URL right?`,
  );
}

/** Rows of a `FORMAT JSONEachRow` answer, read as they arrive. */
export async function* jsonRows(
  connection: ClickHouseConnection,
  response: Response,
): AsyncIterable<Record<string, unknown>> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let rest = '';
  const parse = (line: string) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      // ClickHouse writes an error into the body when a query fails after it has started answering.
      throw failure(connection, 500, line);
    }
  };
  try {
    for await (const chunk of response.body) {
      rest += decoder.decode(chunk as Uint8Array, { stream: true });
      let end = rest.indexOf('\n');
      while (end >= 0) {
        const line = rest.slice(0, end);
        rest = rest.slice(end + 1);
        if (line.trim()) yield parse(line);
        end = rest.indexOf('\n');
      }
    }
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw transportError(connection, error);
  }
  rest += decoder.decode();
  if (rest.trim()) yield parse(rest);
}

/** All rows of a small query. */
export async function rowsOf(
  connection: ClickHouseConnection,
  sql: string,
  options: QueryOptions = {},
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of jsonRows(
    connection,
    await query(connection, `${sql}\nFORMAT JSONEachRow`, options),
  ))
    rows.push(row);
  return rows;
}
