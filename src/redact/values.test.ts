import { describe, expect, it } from 'vitest';
import { isSecretKey, redactValue } from './values.js';

const upper = (s: string) => s.toUpperCase();

describe('redactValue', () => {
  it('replaces the values of fields named like credentials, however plain they look', () => {
    const out = redactValue(
      { password: 'letmein', api_key: 'abc', headers: { Authorization: 'opensesame' }, user: 'jane' },
      upper,
    );
    expect(out).toEqual({
      password: '[REDACTED]',
      api_key: '[REDACTED]',
      headers: { Authorization: '[REDACTED]' },
      user: 'JANE',
    });
  });

  it('leaves numbers, booleans and nulls as they are', () => {
    expect(redactValue({ a: 1, b: [true, null, 'x'] }, upper)).toEqual({ a: 1, b: [true, null, 'X'] });
  });

  it.each([
    'password',
    'db_password',
    'AWS_SECRET_ACCESS_KEY',
    'x-api-key',
    'private_key_id',
    'client_secret',
  ])('takes %s for a credential', (key) => expect(isSecretKey(key)).toBe(true));

  it.each(['token_count', 'secret_name', 'author', 'keyboard', 'passed', 'token_expiry'])(
    'takes %s for an ordinary field',
    (key) => expect(isSecretKey(key)).toBe(false),
  );
});
