import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Sends a whole answer with its length, so a HEAD request gets the same headers as the GET
 * (Node leaves the body out of a HEAD answer itself).
 */
export function reply(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body = ''): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
