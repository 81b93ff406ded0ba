import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';
import { HttpError } from './http-error.js';

// A host name or IPv4 address, or an IPv6 address in brackets, then an optional port; bounded, so linear.
const HOST_HEADER = /^(?:\[([0-9a-f:.]{2,45})\]|([a-z0-9.-]{1,253}))(?::(\d{1,5}))?$/i;

/**
 * The host a Host header (or `--host`) names, lower case and without a final dot or port; IPv6
 * without brackets and in its shortest form. Null for anything that is not a host.
 * @example hostOf('[0:0::1]:4173') // '::1'
 */
export function hostOf(header: string): string | null {
  const m = HOST_HEADER.exec(header.trim());
  if (!m) return null;
  if (m[3] !== undefined && Number(m[3]) > 65535) return null;
  if (m[1] !== undefined) {
    if (!isIPv6(m[1])) return null;
    return new URL(`http://[${m[1]}]/`).hostname.slice(1, -1);
  }
  const name = m[2].toLowerCase().replace(/\.$/, '');
  return name && !name.startsWith('.') && !name.includes('..') ? name : null;
}

/** A host as `--host` names it (IPv6 without brackets too), in the form `hostOf` gives. */
const addressOf = (host: string) => hostOf(host) ?? hostOf(`[${host}]`);

/** True for `localhost`, `::1` and 127.0.0.0/8 written as an address, never for a name that merely starts so. */
export function isLoopback(host: string): boolean {
  const name = addressOf(host);
  if (name === null) return false;
  if (name === 'localhost' || name === '::1') return true;
  return isIPv4(name) && name.startsWith('127.');
}

export const newToken = () => randomBytes(24).toString('base64url');

/** The token from `?token=`, `Authorization: Bearer …` or `X-Hindsight-Token`. */
function presented(req: IncomingMessage, url: URL): string {
  const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  return url.searchParams.get('token') ?? bearer ?? String(req.headers['x-hindsight-token'] ?? '');
}

/** Refuses a request without the server's token; compared in constant time so it cannot be guessed byte by byte. */
export function checkToken(req: IncomingMessage, url: URL, token: string | undefined): void {
  if (token === undefined) return;
  // An empty token would let anyone in: the CLI refuses it, and so does the server.
  if (!token) throw new HttpError(403, 'TOKEN_REQUIRED', 'the server was started with an empty token');
  const given = Buffer.from(presented(req, url));
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    throw new HttpError(
      403,
      'TOKEN_REQUIRED',
      'a valid token is required (?token= or Authorization: Bearer)',
    );
}

/** Host and port as a browser's Origin would carry them, or null when the origin is not one. */
function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    const host = hostOf(url.host);
    return host && `${host}|${url.port}`;
  } catch {
    return null;
  }
}

/**
 * Refuses what a web page elsewhere could send: a form posted from another origin, and (without a
 * token) a request whose Host is not loopback or the address bound, as a DNS-rebinding page would make.
 */
export function checkSameSite(
  req: IncomingMessage,
  tokenRequired: boolean,
  { bound = [] as string[] } = {},
): void {
  const header = String(req.headers.host ?? '');
  const origin = req.headers.origin;
  const writes = req.method !== 'GET' && req.method !== 'HEAD';
  if (writes && origin && origin !== 'null') {
    const own = hostOf(header);
    const port = /:(\d{1,5})$/.exec(header)?.[1];
    const from = originHost(origin);
    if (!from || !own || from !== `${own}|${port === '80' ? '' : (port ?? '')}`)
      throw new HttpError(403, 'CROSS_ORIGIN', `requests from ${JSON.stringify(origin)} are not accepted`);
  }
  // Pages sent with no-referrer post with `Origin: null`; the browser's Sec-Fetch-Site still tells.
  const site = req.headers['sec-fetch-site'];
  if (writes && site && site !== 'same-origin' && site !== 'none')
    throw new HttpError(403, 'CROSS_ORIGIN', `requests from a ${site} page are not accepted`);
  if (tokenRequired) return;
  const host = hostOf(header);
  const allowed = host !== null && (isLoopback(host) || bound.some((b) => addressOf(b) === host));
  if (!allowed)
    throw new HttpError(
      403,
      'HOST_NOT_LOOPBACK',
      `host ${JSON.stringify(header)} is not loopback; serve with --host and a token`,
    );
}
