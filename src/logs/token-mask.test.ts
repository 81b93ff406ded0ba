import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.mjs';
import { lineMasker, maskToken, maskTokens } from './token-mask.js';

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

describe('lineMasker', () => {
  const masker = lineMasker();
  const tokens = (message: string) => masker.text(message).split(' ');

  it('masks words between brackets and punctuation as maskToken does', () => {
    expect(tokens('[exec-6] (42ms), "Jul" [ssh2]: (a,b) updated:')).toEqual([
      '[<*>]',
      '(<*>),',
      '"<*>"',
      '[ssh2]:',
      '(a,b)',
      'updated:',
    ]);
  });

  it('masks paths whole, keeping their brackets', () => {
    expect(tokens('from /10.0.0.1:50010 (/var/log/app.log), / /')).toEqual([
      'from',
      '<*>',
      '(<*>),',
      '/',
      '/',
    ]);
  });

  it('joins the masked tokens with single spaces, so equal lines are equal strings', () => {
    expect(masker.text('  took 42\tms on [exec-1] ')).toBe('took <*> ms on [<*>]');
    expect(masker.text('took 7 ms  on [exec-2]')).toBe(masker.text('took 42 ms on [exec-1]'));
    expect(masker.text('took 7 s on [exec-2]')).not.toBe(masker.text('took 7 ms on [exec-2]'));
    expect(masker.text(' \t ')).toBe('');
  });

  it('masks bytes in place as it masks the decoded text, whatever the script', () => {
    const messages = [
      'Zahlung für Kunde 42 fehlgeschlagen: Zeitüberschreitung (3000ms)',
      '支付 失败 user=张三 id=98f3c2a1 耗时 120ms',
      'emoji 🚀 deployed v1.2.3 to /srv/app,/srv/web in 5s',
      'a=1,b=2;c=x|d=é "quoted é" [ü-7]',
    ];
    const block = Buffer.from(`junk ${messages.join('\n')} junk`);
    let at = 5;
    for (const message of messages) {
      const end = at + Buffer.byteLength(message);
      expect(masker.bytes(block, at, end)).toBe(masker.text(message));
      at = end + 1;
    }
    expect(masker.text(messages[1])).toBe('支付 失败 user=张三 id=<*> 耗时 <*>');
  });

  it('gives every token as maskToken masks it alone', () => {
    const message =
      'GET /api/v1/orders?id=7 10.0.0.1,10.0.0.2 ready=true,policy=3 () Jul EDT 0xdeadbeef blk_-42';
    expect(masker.text(message)).toBe(message.split(' ').map(maskToken).join(' '));
  });
});

describe('lineMasker against maskToken, token by token', () => {
  const masker = lineMasker();
  const here = import.meta.dirname;
  // Tokens end at any byte up to the space, as the masker splits them.
  const tokensMasked = (line: string) =>
    [...line]
      .map((c) => (c.charCodeAt(0) <= 32 ? ' ' : c))
      .join('')
      .split(' ')
      .filter(Boolean)
      .map(maskToken)
      .join(' ');
  const agrees = (lines: string[]) => {
    const disagreements = lines.filter((line) => masker.text(line) !== tokensMasked(line));
    expect(disagreements.slice(0, 5)).toEqual([]);
    // The same answer from the bytes as they lie in a block.
    const block = Buffer.from(lines.join('\n'));
    let at = 0;
    for (const line of lines) {
      const end = at + Buffer.byteLength(line);
      if (masker.bytes(block, at, end) !== masker.text(line))
        expect([line, masker.bytes(block, at, end)]).toBe(null);
      at = end + 1;
    }
  };
  const linesOf = (dir: string) =>
    readdirSync(dir)
      .filter((name) => !name.endsWith('.md'))
      .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'));

  it('on every line of the log fixtures', () => {
    agrees(linesOf(join(here, '../../test/fixtures/logs')));
  });

  it('on seeded random lines of digits, letters, brackets, separators and other scripts', () => {
    const r = random(5);
    const pieces = [
      ...'aZf09_-./:=,;|&()[]{}"\'<>*%@#é中🚀 \t',
      '0x',
      'Jul',
      'EDT',
      '://',
      '10.0.0.1',
      'deadbeef',
    ];
    const lines = Array.from({ length: 50_000 }, () =>
      Array.from({ length: Math.floor(r() * 24) }, () => pieces[Math.floor(r() * pieces.length)]).join(''),
    );
    agrees(lines);
  });

  const loghub = join(here, '../../../shared/corpora/loghub');
  it.skipIf(!existsSync(loghub))(
    'on every line of the Loghub 2k samples (needs ../shared/corpora/loghub)',
    () => {
      for (const system of readdirSync(loghub).filter((name) =>
        existsSync(join(loghub, name, `${name}_2k.log`)),
      ))
        agrees(readFileSync(join(loghub, system, `${system}_2k.log`), 'utf8').split('\n'));
    },
  );
});
