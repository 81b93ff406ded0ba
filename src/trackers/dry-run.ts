/** A request the export would send, as `--dry-run` prints it: no headers, so no token. */
export interface PlannedRequest {
  method: string;
  url: string;
  body: unknown;
}

/** "POST https://…/issues" and the body as indented JSON. */
export const formatRequest = (r: PlannedRequest): string =>
  `${r.method} ${r.url}\n${r.body === undefined ? '' : `${JSON.stringify(r.body, null, 2)}\n`}`;

/**
 * A fetch that sends nothing: it records each request and answers from `answer`, as if no issue
 * existed yet, so a dry run goes through the very code a real run does.
 */
export function recordingFetch(
  answer: (request: PlannedRequest) => { status: number; body?: unknown },
  log: PlannedRequest[],
): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : null;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const url = String(request ? request.url : input);
    const raw = init?.body ?? (request ? await request.text() : undefined);
    const body = typeof raw === 'string' && raw ? JSON.parse(raw) : undefined;
    const planned = { method, url, body };
    log.push(planned);
    const { status, body: reply } = answer(planned);
    return new Response(reply === undefined ? null : JSON.stringify(reply), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
}
