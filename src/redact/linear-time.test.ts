import { describe, expect, it } from 'vitest';
import { forCustomers } from '../report/customer.js';
import { redactText } from './index.js';

/** 1 MB of one adversarial unit: the inputs that made backtracking patterns quadratic. */
const MB = 1 << 20;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
const SHAPES: Record<string, string> = {
  'a-a-a-': fill('a-'),
  'aaaa@': fill('aaaa@'),
  'a.a.a.': fill('a.'),
  'password=': fill('password='),
  'token: ': fill('token: '),
  api_key: fill('api_key'),
  'long base64 run': fill('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3'),
  'eyJ run': `eyJ${fill('A')}`,
  'eyJ.eyJ.': fill('eyJhbGciOi.'),
  'digits run': fill('4'),
  'digit groups': fill('4111 '),
  '-----BEGIN without end': fill('-----BEGIN RSA PRIVATE KEY-----\n'),
  '-----BEGIN then text': fill('-----BEGIN PRIVATE KEY-----!'),
  'xoxb- repeated': fill('xoxb-'),
  'ghp_ repeated': fill('ghp_'),
  'scheme:// repeated': fill('a://'),
  'user:pass@ without end': `https://${fill('u:')}`,
  'Bearer repeated': fill('Bearer '),
  'token name-name-': fill('token a-'),
  '${a_token: repeated': fill('$' + '{a_token:'),
  'hooks.slack.com': fill('hooks.slack.com/services/'),
  'AKIA repeated': fill('AKIA'),
  'host-1.': fill('host-1.'),
  UUUU: fill('U'),
  '1.1.1.': fill('1.'),
  'a:a:a:': fill('a:'),
  'user 123': fill('user 1'),
};

/** Generous: a linear pass over 1 MB takes milliseconds; a quadratic one takes hours. */
const BOUND_MS = 2000;

const timed = (work: () => unknown) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

describe('redaction runs in time linear in its input', () => {
  it.each(Object.keys(SHAPES))('redacts 1 MB of %s (secrets, cards and personal data)', (shape) => {
    expect(timed(() => redactText(SHAPES[shape]!, { pii: true }))).toBeLessThan(BOUND_MS);
  });

  it.each(Object.keys(SHAPES))('words 1 MB of %s for customers', (shape) => {
    expect(timed(() => forCustomers(SHAPES[shape]!))).toBeLessThan(BOUND_MS);
  });
});
