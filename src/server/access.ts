import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

export const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

export const newToken = () => randomBytes(24).toString('base64url');

/** The token from `?token=`, `Authorization: Bearer …` or `X-Hindsight-Token`. */
function presented(req: IncomingMessage, url: URL): string {
  const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  return url.searchParams.get('token') ?? bearer ?? String(req.headers['x-hindsight-token'] ?? '');
}

/** Refuses a request without the server's token; compared in constant time so it cannot be guessed byte by byte. */
export function checkToken(req: IncomingMessage, url: URL, token: string | undefined): void {
  if (!token) return;
  const given = Buffer.from(presented(req, url));
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    throw new HttpError(
      403,
      'TOKEN_REQUIRED',
      'a valid token is required (?token= or Authorization: Bearer)',
    );
}

/**
 * Refuses what a web page elsewhere could send: a form posted from another origin, and (without a
 * token) a request whose Host is not loopback, as a DNS-rebinding page would make.
 */
export function checkSameSite(req: IncomingMessage, tokenRequired: boolean): void {
  const host = String(req.headers.host ?? '');
  const origin = req.headers.origin;
  if (req.method !== 'GET' && origin && origin !== 'null' && new URL(origin).host !== host)
    throw new HttpError(403, 'CROSS_ORIGIN', `requests from ${origin} are not accepted`);
  // Pages sent with no-referrer post with `Origin: null`; the browser's Sec-Fetch-Site still tells.
  const site = req.headers['sec-fetch-site'];
  if (req.method !== 'GET' && site && site !== 'same-origin' && site !== 'none')
    throw new HttpError(403, 'CROSS_ORIGIN', `requests from a ${site} page are not accepted`);
  const hostname = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (!tokenRequired && !isLoopback(hostname))
    throw new HttpError(
      403,
      'HOST_NOT_LOOPBACK',
      `host ${host} is not loopback; serve with --host and a token`,
    );
}
