/** What a tracker answered, in the words the command prints. */
export type FailureKind = 'auth' | 'not-found' | 'rate-limited' | 'unreachable' | 'refused';

/** One issue the export made or changed before it stopped; listed so nothing is left unreported. */
export interface Done {
  action: 'created' | 'updated';
  followUp: string;
  key: string;
  url: string | null;
}

/**
 * A tracker request failed. The message is built from the status and our own words only, never
 * from the client's error text, which may quote the request and its token.
 */
export class TrackerError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null = null,
    /** What was created or updated before the failure. */
    public done: Done[] = [],
  ) {
    super(message);
    this.name = 'TrackerError';
  }

  get code(): string {
    return `TRACKER_${this.kind.toUpperCase().replace('-', '_')}`;
  }
}

/** The header a client saw, whatever casing or container the client uses. */
export function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, unknown>;
  const value = record[name] ?? record[name.toLowerCase()];
  return value == null ? null : String(value);
}

interface Failure {
  status: number | null;
  headers?: unknown;
  /** How the token is named to the user: "GITHUB_TOKEN". */
  tokenName: string;
  /** What the target is: "repository acme/checkout". */
  target: string;
  /** A short reason the service gave, already free of secrets, for other statuses. */
  reason?: string;
}

/** Status and headers → one clear line: a refused token, a missing target, or a rate limit. */
export function classify({ status, headers, tokenName, target, reason }: Failure): TrackerError {
  const remaining = header(headers, 'x-ratelimit-remaining');
  const retry = header(headers, 'retry-after') ?? header(headers, 'x-ratelimit-reset');
  if (status === 429 || (status === 403 && (remaining === '0' || header(headers, 'retry-after') != null)))
    return new TrackerError(
      'rate-limited',
      `rate limited (HTTP ${status})${retry ? `; retry after ${retry}` : ''}; run the command again later, it updates what it already created`,
      status,
    );
  if (status === 401)
    return new TrackerError('auth', `${tokenName} was refused (HTTP 401); set a valid token`, status);
  if (status === 403)
    return new TrackerError(
      'auth',
      `${tokenName} may not write to ${target} (HTTP 403); give the token write access`,
      status,
    );
  if (status === 404)
    return new TrackerError(
      'not-found',
      `${target} was not found, or ${tokenName} cannot see it (HTTP 404)`,
      status,
    );
  if (status == null)
    return new TrackerError('unreachable', `cannot reach the tracker${reason ? `: ${reason}` : ''}`, null);
  return new TrackerError(
    'refused',
    `the request was refused (HTTP ${status})${reason ? `: ${reason}` : ''}`,
    status,
  );
}

/** Why a request got no answer: the system error code (ECONNREFUSED, ENOTFOUND) from the cause chain. */
export function networkReason(error: unknown): string {
  let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  let last = 'network error';
  for (let depth = 0; e && depth < 4; depth++, e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^E[A-Z_]{2,30}$/.test(e.code)) return e.code;
    if (typeof e.message === 'string' && e.message) last = e.message.slice(0, 100);
  }
  return last;
}
