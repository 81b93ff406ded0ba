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
