import type { ServerResponse } from 'node:http';
import { reply } from './reply.js';

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
  const body = `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`;
  reply(res, error.status, { 'content-type': 'application/json; charset=utf-8' }, body);
}
