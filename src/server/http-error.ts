import type { ServerResponse } from 'node:http';

/** A request the server refuses, answered as `{ "error": { "code", "message" } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendError(res: ServerResponse, error: HttpError): void {
  res.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
}
