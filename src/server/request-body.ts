import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

export const BODY_LIMIT = 64 * 1024;

/** Reads a form or JSON body of string fields, refusing more than `limit` bytes. */
export async function readFields(req: IncomingMessage, limit = BODY_LIMIT): Promise<Record<string, string>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  if (String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body || '{}');
    } catch {
      throw new HttpError(400, 'BAD_JSON', 'the request body is not valid JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new HttpError(400, 'BAD_JSON', 'the request body must be a JSON object');
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, fieldText(k, v)]));
  }
  return Object.fromEntries(new URLSearchParams(body));
}

/** A field's value as text: strings, numbers and booleans are; a list or object (however deep) is refused. */
function fieldText(name: string, value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new HttpError(
    400,
    'BAD_JSON',
    `field ${JSON.stringify(name.slice(0, 100))} must be text, not a list or object`,
  );
}

const tooLarge = (limit: number) =>
  new HttpError(413, 'BODY_TOO_LARGE', `the request body is larger than ${limit / 1024} KiB`);
