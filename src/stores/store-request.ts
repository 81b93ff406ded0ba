import { z } from 'zod';
import { InputError } from '../errors.js';

/** Names of environment variables holding credentials; the values never sit in the manifest. */
export const StoreAuth = z
  .strictObject({
    userEnv: z.string().optional().describe('environment variable with the user name (basic auth)'),
    passwordEnv: z.string().optional().describe('environment variable with the password (basic auth)'),
    tokenEnv: z.string().optional().describe('environment variable with a bearer token'),
    apiKeyEnv: z
      .string()
      .optional()
      .describe('environment variable with an Elasticsearch API key (sent as ApiKey)'),
  })
  .describe('credentials, read from the environment variables named here');
export type StoreAuth = z.infer<typeof StoreAuth>;

export interface StoreClientOptions {
  /** How the source is named in errors: `loki http://127.0.0.1:3100`. */
  source: string;
  base: URL;
  auth?: StoreAuth;
  headers?: Record<string, string>;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface StoreCall {
  method?: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  /** What a 404 means here (`index logs-* not found`); without it a 404 is a failed query. */
  notFound?: string;
}

/** A store's base URL, checked: http(s) only, and no credentials written into it. */
export function storeUrl(kind: string, url: string): URL {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new InputError('STORE_URL', `${kind} source`, `'${url}' is not a URL (http://host:port)`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new InputError('STORE_URL', `${kind} ${base.host}`, `only http and https URLs are read`);
  if (base.username || base.password)
    throw new InputError(
      'STORE_URL',
      `${kind} ${base.host}`,
      'the URL carries credentials; name environment variables in auth: { userEnv, passwordEnv } instead',
    );
  return base;
}

function authHeader(source: string, auth: StoreAuth | undefined, env: NodeJS.ProcessEnv): string | null {
  if (!auth) return null;
  const read = (name: string) => {
    const value = env[name];
    if (value === undefined || value === '')
      throw new InputError(
        'STORE_CREDENTIALS',
        source,
        `environment variable ${name} (named in auth) is not set`,
      );
    return value;
  };
  if (auth.apiKeyEnv) return `ApiKey ${read(auth.apiKeyEnv)}`;
  if (auth.tokenEnv) return `Bearer ${read(auth.tokenEnv)}`;
  if (auth.userEnv || auth.passwordEnv) {
    const user = auth.userEnv ? read(auth.userEnv) : '';
    const password = auth.passwordEnv ? read(auth.passwordEnv) : '';
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  return null;
}

/** The reason a store gave for a failed request: Elasticsearch's `error.reason`, else the text. */
function reasonOf(text: string): string {
  try {
    const body = JSON.parse(text) as {
      error?: { reason?: string; root_cause?: { reason?: string }[] } | string;
    };
    const error = body.error;
    if (typeof error === 'string') return error;
    const reason = error?.root_cause?.[0]?.reason ?? error?.reason;
    if (reason) return reason;
  } catch {
    // not JSON: Loki answers errors in plain text
  }
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}

/**
 * One JSON client per store source: credentials from the environment, a timeout per request, and
 * every failure (down, refused credentials, not found, timeout, not JSON) as one InputError line
 * naming the source.
 */
export function storeClient({
  source,
  base,
  auth,
  headers = {},
  timeoutMs = 30_000,
  env = process.env,
}: StoreClientOptions) {
  const authorization = authHeader(source, auth, env);
  const root = base.href.replace(/\/+$/, '');
  return async function call<T>({
    method = 'GET',
    path,
    query,
    body,
    signal,
    notFound,
  }: StoreCall): Promise<T> {
    const url = `${root}${path}${query ? `?${new URLSearchParams(query)}` : ''}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(authorization ? { authorization } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      if (timeout.aborted)
        throw new InputError(
          'STORE_TIMEOUT',
          source,
          `no answer within ${timeoutMs / 1000} s to ${method} ${path}; narrow the window or raise timeoutSeconds`,
        );
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      throw new InputError(
        'STORE_UNREACHABLE',
        source,
        `cannot reach the store (${cause?.code ?? cause?.message ?? (error as Error).message}); is it running and is the URL right?`,
      );
    }
    if (response.status === 401 || response.status === 403)
      throw new InputError(
        'STORE_AUTH',
        source,
        `the store refused the credentials (HTTP ${response.status}); check the environment variables named in auth`,
      );
    if (response.status === 404 && notFound) throw new InputError('STORE_NOT_FOUND', source, notFound);
    if (!response.ok)
      throw new InputError(
        'STORE_QUERY',
        source,
        `${method} ${path} failed (HTTP ${response.status}): ${reasonOf(text)}`,
      );
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new InputError(
        'STORE_MALFORMED',
        source,
        `${method} ${path} answered with something that is not JSON`,
      );
    }
  };
}

export type StoreClient = ReturnType<typeof storeClient>;
