import { z } from 'zod';
import { StoreError } from './store-error.js';

const EnvName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'expected the name of an environment variable');

/** Names of environment variables holding credentials: the values never sit in the manifest. */
export const basicAuthKeys = {
  userEnv: EnvName.optional().describe('environment variable holding the user (basic auth)'),
  passwordEnv: EnvName.optional().describe('environment variable holding the password (basic auth)'),
  tokenEnv: EnvName.optional().describe('environment variable holding a bearer token'),
};
export const apiKeyAuthKeys = {
  ...basicAuthKeys,
  apiKeyEnv: EnvName.optional().describe('environment variable holding an API key (sent as ApiKey)'),
};
export interface StoreAuth {
  userEnv?: string;
  passwordEnv?: string;
  tokenEnv?: string;
  apiKeyEnv?: string;
}

/** Keys that would hold a credential's value, with the key that names its variable instead. */
export const INLINE_CREDENTIAL_KEYS: Record<string, keyof StoreAuth> = {
  user: 'userEnv',
  username: 'userEnv',
  password: 'passwordEnv',
  token: 'tokenEnv',
  apiKey: 'apiKeyEnv',
  api_key: 'apiKeyEnv',
};

/**
 * The first key of an entry that writes a credential into the manifest, and the key to use
 * instead; null when it names variables only. Never looks at the value.
 * @example inlineCredential({ loki: 'http://l:3100', token: 'x' }) // { key: 'token', instead: 'tokenEnv' }
 */
export function inlineCredential(entry: object): { key: string; instead: keyof StoreAuth } | null {
  const key = Object.keys(INLINE_CREDENTIAL_KEYS).find((k) => Object.hasOwn(entry, k));
  return key ? { key, instead: INLINE_CREDENTIAL_KEYS[key] } : null;
}

/** Refuses an entry that writes credentials into the manifest instead of naming variables. */
export function refuseInlineCredentials(source: string, entry: object): void {
  const inline = inlineCredential(entry);
  if (inline)
    throw new StoreError(
      'STORE_CREDENTIALS',
      source,
      `'${inline.key}' in the manifest: credentials never go there; name an environment variable with ${inline.instead}`,
    );
}

export interface StoreClientOptions {
  /** How the source is named in errors: `loki http://127.0.0.1:3100`. */
  source: string;
  base: URL;
  auth: StoreAuth;
  headers?: Record<string, string>;
  timeoutMs?: number;
  env?: Record<string, string | undefined>;
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
    throw new StoreError('STORE_URL', `${kind} source`, `'${url}' is not a URL (http://host:port)`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new StoreError('STORE_URL', `${kind} ${base.host}`, `only http and https URLs are read`);
  if (base.username || base.password)
    throw new StoreError(
      'STORE_URL',
      `${kind} ${base.host}`,
      'the URL carries credentials; name environment variables with userEnv and passwordEnv instead',
    );
  return base;
}

function authHeader(source: string, auth: StoreAuth, env: Record<string, string | undefined>): string | null {
  const read = (name: string) => {
    const value = env[name];
    if (value === undefined || value === '')
      throw new StoreError('STORE_CREDENTIALS', source, `environment variable ${name} is not set`);
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
        throw new StoreError(
          'STORE_TIMEOUT',
          source,
          `no answer within ${timeoutMs / 1000} s to ${method} ${path}; narrow the window or raise the entry's timeout (seconds)`,
        );
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      throw new StoreError(
        'STORE_UNREACHABLE',
        source,
        `cannot reach the store (${cause?.code ?? cause?.message ?? (error as Error).message}); is it running and is the URL right?`,
      );
    }
    if (response.status === 401 || response.status === 403)
      throw new StoreError(
        'STORE_AUTH',
        source,
        `the store refused the credentials (HTTP ${response.status}); check the credentials in the environment variables the entry names`,
      );
    if (response.status === 404 && notFound) throw new StoreError('STORE_NOT_FOUND', source, notFound);
    if (!response.ok)
      throw new StoreError(
        'STORE_QUERY',
        source,
        `${method} ${path} failed (HTTP ${response.status}): ${reasonOf(text)}`,
      );
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new StoreError(
        'STORE_MALFORMED',
        source,
        `${method} ${path} answered with something that is not JSON`,
      );
    }
  };
}

export type StoreClient = ReturnType<typeof storeClient>;
