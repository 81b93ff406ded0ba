import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkSameSite, checkToken, hostOf, isLoopback } from './access.js';
import { HttpError } from './http-error.js';

const request = (method: string, headers: Record<string, string>) =>
  ({ method, headers }) as unknown as IncomingMessage;

/** The error code a request is refused with, or 'ok'. */
function verdict(check: () => void): string {
  try {
    check();
    return 'ok';
  } catch (error) {
    if (error instanceof HttpError) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe('hostOf', () => {
  it('reads a Host header as a host: port, brackets, case and a final dot aside', () => {
    expect(hostOf('127.0.0.1:4173')).toBe('127.0.0.1');
    expect(hostOf('[::1]:4173')).toBe('::1');
    expect(hostOf('[0:0:0:0:0:0:0:1]')).toBe('::1');
    expect(hostOf('LocalHost.:80')).toBe('localhost');
  });

  it('is null for what is not a host', () => {
    for (const bad of [
      '',
      'a b',
      'user@127.0.0.1',
      '127.0.0.1:99999',
      '[::1',
      '[nope]',
      '..',
      'a..b',
      '127.0.0.1/x',
    ])
      expect(hostOf(bad), bad).toBeNull();
  });
});

describe('isLoopback', () => {
  it('is true for localhost, ::1 and 127.0.0.0/8 exactly', () => {
    for (const host of ['localhost', 'LOCALHOST.', '::1', '[::1]', '127.0.0.1', '127.255.0.9'])
      expect(isLoopback(host), host).toBe(true);
  });

  it('is false for names that only start like loopback, as DNS rebinding uses', () => {
    for (const host of [
      '127.0.0.1.evil.example',
      '127.evil.example',
      'localhost.evil.example',
      '::2',
      '0.0.0.0',
    ])
      expect(isLoopback(host), host).toBe(false);
  });
});

describe('checkSameSite', () => {
  const get = (host: string) => request('GET', { host });

  it('refuses a Host of 127.0.0.1.evil.example when no token is required, for reading and writing', () => {
    expect(verdict(() => checkSameSite(get('127.0.0.1.evil.example:4173'), false))).toBe(
      '403 HOST_NOT_LOOPBACK',
    );
    const post = request('POST', { host: '127.0.0.1.evil.example' });
    expect(verdict(() => checkSameSite(post, false))).toBe('403 HOST_NOT_LOOPBACK');
  });

  it('answers loopback Hosts in any spelling, and the address the server is bound to', () => {
    for (const host of ['127.0.0.1:4173', '[::1]:4173', 'LOCALHOST.:4173', '127.0.0.2'])
      expect(
        verdict(() => checkSameSite(get(host), false)),
        host,
      ).toBe('ok');
    expect(verdict(() => checkSameSite(get('review.internal:4173'), false))).toBe('403 HOST_NOT_LOOPBACK');
    expect(
      verdict(() => checkSameSite(get('review.internal:4173'), false, { bound: ['review.internal'] })),
    ).toBe('ok');
  });

  it('refuses a malformed or missing Host without a token', () => {
    expect(verdict(() => checkSameSite(request('GET', {}), false))).toBe('403 HOST_NOT_LOOPBACK');
    expect(verdict(() => checkSameSite(get('a@127.0.0.1'), false))).toBe('403 HOST_NOT_LOOPBACK');
  });

  it('answers a malformed Origin with 403, not a crash', () => {
    for (const origin of ['http://', 'not a url', 'http://[::1', '%'])
      expect(
        verdict(() => checkSameSite(request('POST', { host: '127.0.0.1:4173', origin }), false)),
        origin,
      ).toBe('403 CROSS_ORIGIN');
  });

  it('takes a form from its own origin however the Host is spelled, and refuses another port', () => {
    const post = (host: string, origin: string) =>
      verdict(() => checkSameSite(request('POST', { host, origin }), false));
    expect(post('127.0.0.1:4173', 'http://127.0.0.1:4173')).toBe('ok');
    expect(post('LOCALHOST:4173', 'http://localhost:4173')).toBe('ok');
    expect(post('127.0.0.1', 'http://127.0.0.1:80')).toBe('ok');
    expect(post('127.0.0.1:4173', 'http://127.0.0.1:4174')).toBe('403 CROSS_ORIGIN');
  });
});

describe('checkToken', () => {
  const url = (q = '') => new URL(`http://127.0.0.1/${q}`);

  it('lets anything in when the server has no token, and refuses everything when it has an empty one', () => {
    expect(verdict(() => checkToken(request('GET', {}), url(), undefined))).toBe('ok');
    expect(verdict(() => checkToken(request('GET', {}), url('?token='), ''))).toBe('403 TOKEN_REQUIRED');
  });

  it('takes the token from the query or a bearer header, and nothing else', () => {
    expect(verdict(() => checkToken(request('GET', {}), url('?token=s3cret'), 's3cret'))).toBe('ok');
    const bearer = request('GET', { authorization: 'Bearer s3cret' });
    expect(verdict(() => checkToken(bearer, url(), 's3cret'))).toBe('ok');
    expect(verdict(() => checkToken(request('GET', {}), url('?token=s3cre'), 's3cret'))).toBe(
      '403 TOKEN_REQUIRED',
    );
  });
});
