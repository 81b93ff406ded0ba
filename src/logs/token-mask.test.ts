import { describe, expect, it } from 'vitest';
import { hashText, type MaskedLine, maskLine, maskToken, maskTokens } from './token-mask.js';

describe('maskToken', () => {
  it.each([
    ['42', '<*>'],
    ['-3.5', '<*>'],
    ['0x7f3a', '<*>'],
    ['10.0.0.1:8080', '<*>'],
    ['blk_-6952295868487656571', '<*>'],
    ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', '<*>'],
    ['/var/log/app.log', '<*>'],
    ['https://example.com/x', '<*>'],
    ['(42ms)', '(<*>)'],
    ['id=42,', 'id=<*>,'],
    ['level=error', 'level=error'],
    ['Connection', 'Connection'],
    ['failed:', 'failed:'],
  ])('%s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked);
  });

  it('splits on any whitespace and reuses the output array', () => {
    const out = ['stale', 'stale', 'stale', 'stale'];
    expect(maskTokens(' took\t42  ms ', out)).toBe(3);
    expect(out).toEqual(['took', '<*>', 'ms']);
  });
});

describe('maskToken on compound tokens', () => {
  it.each([
    ['ready=true,policy=3,mode=false', 'ready=true,policy=<*>,mode=false'],
    ['index:5', 'index:<*>'],
    ['proxy.example.com:5070', '<*>'],
    ['10.11.10.1,10.11.21.138', '<*>'],
    ['/v2/servers/detail?all_tenants=True&changes-since=2017', '<*>'],
    ['()', '(<*>)'],
    ['Jul', '<*>'],
    ['ssh2', 'ssh2'],
  ])('%s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked);
  });
});

describe('maskToken on values without digits', () => {
  it.each([
    ['ffffffff', '<*>'],
    ['EDT', '<*>'],
    ['interactive=true', 'interactive=true'],
    ['feedback', 'feedback'],
  ])('%s → %s', (token, masked) => {
    expect(maskToken(token)).toBe(masked);
  });
});

describe('maskLine', () => {
  const masked = (message: string) => {
    const line: MaskedLine = { tokens: [], hash: 0 };
    maskLine(message, line);
    return line;
  };

  it('masks words between brackets and punctuation as maskToken does', () => {
    expect(masked('[exec-6] (42ms), "Jul" [ssh2]: (a,b) updated:').tokens).toEqual([
      '[<*>]',
      '(<*>),',
      '"<*>"',
      '[ssh2]:',
      '(a,b)',
      'updated:',
    ]);
  });

  it('masks paths whole, keeping their brackets', () => {
    expect(masked('from /10.0.0.1:50010 (/var/log/app.log), / /').tokens).toEqual([
      'from',
      '<*>',
      '(<*>),',
      '/',
      '/',
    ]);
  });

  it('gives equal lines equal hashes and other lines other hashes', () => {
    const a = masked('took 42 ms on [exec-1]');
    const b = masked('took 7 ms on [exec-2]');
    expect(b.tokens).toEqual(a.tokens);
    expect(b.hash).toBe(a.hash);
    expect(masked('took 7 s on [exec-2]').hash).not.toBe(a.hash);
    expect(masked('took 7 ms on').hash).not.toBe(a.hash);
  });

  it('hashes text the same whole or in place', () => {
    expect(hashText('xx took yy', 3, 7)).toBe(hashText('took'));
  });
});
