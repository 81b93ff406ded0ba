import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HttpError } from './http-error.js';
import { readFields } from './request-body.js';

const body = (text: string, type: string) =>
  Object.assign(Readable.from([Buffer.from(text)]), {
    headers: { 'content-type': type },
  }) as unknown as IncomingMessage;

async function refusal(text: string, type = 'application/json'): Promise<string> {
  try {
    await readFields(body(text, type));
    return 'read';
  } catch (error) {
    if (error instanceof HttpError) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe('readFields', () => {
  it('reads JSON and form fields as text', async () => {
    expect(
      await readFields(body('{"decision":"accepted","n":3,"ok":true,"none":null}', 'application/json')),
    ).toEqual({
      decision: 'accepted',
      n: '3',
      ok: 'true',
      none: '',
    });
    expect(await readFields(body('owner=Dana&due=2026-12-15', 'application/x-www-form-urlencoded'))).toEqual({
      owner: 'Dana',
      due: '2026-12-15',
    });
  });

  it('answers a 10,000-deep JSON body with 400, not a crash', async () => {
    const deep = `{"reason":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(await refusal(deep)).toBe('400 BAD_JSON');
    const objects = `{"reason":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_001)}`;
    expect(await refusal(objects)).toBe('400 BAD_JSON');
  });

  it('refuses a body that is not a JSON object', async () => {
    expect(await refusal('[1]')).toBe('400 BAD_JSON');
    expect(await refusal('{not json')).toBe('400 BAD_JSON');
  });
});
