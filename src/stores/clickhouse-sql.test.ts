import { describe, expect, it } from 'vitest';
import { lineMasker } from '../logs/token-mask.js';
import {
  type GroupQuery,
  groupQuery,
  quoteIdentifier,
  quoteString,
  SERVER_MASK,
  SERVER_MASKED_KEY,
  timeColumn,
} from './clickhouse-sql.js';
import { hasMaskedKey, serverMask } from './server-mask.js';

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Tokens the masker treats in every way it has: numbers, names with one digit, keys, paths, URLs,
// hex, dates, brackets, lists; and random strings over the characters that decide anything.
const TOKENS = [
  'took',
  'ms',
  '42',
  '7',
  '0',
  '3ms',
  '306ms',
  '5s',
  'v5',
  'ssh2',
  'IPv4',
  'e29b',
  'a716',
  'deadbeef',
  '550e8400-e29b-41d4-a716-446655440000',
  '10.0.0.1',
  '10.0.0.1:8080',
  'user=42',
  'user=ab',
  'k-1=5',
  'k-2=5',
  'a1=b',
  'id:7',
  'id:x',
  '(42)',
  '[exec-6]',
  '/api/orders/7',
  'http://h:80/x?a=1',
  'Jul',
  'EDT',
  '12:04:05',
  'a,b',
  '1,2',
  'a=1,b=2',
  'x.5',
  '5.',
  '-5',
  'a_1',
  'blk_-42',
  '"7"',
  'k=v=5',
  '=5',
  'a==5',
  'k1=0x',
  'k1=x',
  'core.42',
  'v1.2',
  'ab-12',
  'ab-3',
  'ab:12',
  '0x1f',
  '1e5',
  '12:04:05.123',
  '2026-02-10',
  'p99=120ms',
  'k1.5=x',
  'a-1.2=b',
  '1.2.3-rc1',
  'x1.y2',
  '1.2_3',
  '5:x',
  'v1.2.ab',
];
const ALPHABET = [...'a5=-.,:_ ()/b0x7"|&;Z'];

function corpus(size: number): string[] {
  const next = random(16);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    const n = 1 + Math.floor(next() * 5);
    const words: string[] = [];
    for (let w = 0; w < n; w++) {
      if (next() < 0.5) words.push(pick(TOKENS));
      else {
        let word = '';
        const length = 1 + Math.floor(next() * 7);
        for (let c = 0; c < length; c++) word += pick(ALPHABET);
        words.push(word);
      }
    }
    out.push(words.join(next() < 0.9 ? ' ' : '\t'));
  }
  return out;
}

describe('the server mask', () => {
  it('merges lines that differ in numbers, ids, addresses and values', () => {
    expect(serverMask('took 42 ms for user=17 from 10.0.0.1:8080')).toBe(
      serverMask('took 7 ms for user=9 from 10.2.33.4:443'),
    );
    expect(serverMask('req 550e8400-e29b-41d4-a716-446655440000 took 306ms')).toBe(
      serverMask('req 123e4567-e89b-12d3-a456-426614174000 took 12ms'),
    );
  });

  it('masks a run of such words joined by dots, colons and dashes as one word', () => {
    expect(serverMask('from 10.0.3.17:5432 at 12:04:05.123')).toBe('from 0 at 0\u0000');
    expect(serverMask('req 550e8400-e29b-41d4-a716-446655440000')).toBe('req 0\u0000');
    // A name or a word with `_` ends the run; what follows is masked on its own.
    expect(serverMask('1.ssh2.5 1.2_3')).toBe('0.ssh2.0 0.2_3\u0000');
  });

  it('keeps apart what the masker keeps apart: names with one digit and keys with digits', () => {
    expect(serverMask('ssh2 up')).not.toBe(serverMask('ssh3 up'));
    expect(serverMask('took 3ms')).not.toBe(serverMask('took 5ms'));
    expect(serverMask('k-1=x')).not.toBe(serverMask('k-2=x'));
    expect(serverMask('p99=120ms')).not.toBe(serverMask('p50=120ms'));
    expect(serverMask('k1.5=x')).not.toBe(serverMask('k1.6=x'));
  });

  /** Pairs of different lines that `mask` merges and the masker tells apart, and how many it merged. */
  function coarser(mask: (line: string) => string, lines: string[]) {
    const masker = lineMasker();
    const seen = new Map<string, { line: string; masked: string }>();
    const wrong: string[][] = [];
    let merged = 0;
    for (const line of lines) {
      const server = mask(line);
      const masked = masker.text(line);
      const earlier = seen.get(server);
      if (!earlier) seen.set(server, { line, masked });
      else if (earlier.line !== line) {
        merged++;
        if (earlier.masked !== masked) wrong.push([earlier.line, line]);
      }
    }
    return { wrong, merged };
  }

  it('never merges two lines the masker tells apart (100,000 generated lines)', () => {
    const { wrong, merged } = coarser(serverMask, corpus(100_000));
    expect(wrong.slice(0, 5)).toEqual([]);
    // The check means something only if the server merges many different lines.
    expect(merged).toBeGreaterThan(5_000);
  });

  it('needs no keys where no masked line holds a masked key: the masked line alone then never merges what the masker tells apart', () => {
    const masked = (line: string) => line.replace(new RegExp(SERVER_MASK, 'g'), '0');
    const lines = corpus(100_000);
    const clean = lines.filter((line) => !hasMaskedKey(line));
    const { wrong, merged } = coarser(masked, clean);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(merged).toBeGreaterThan(5_000);
    // Without the check, the masked line alone merges keys that differ in their digits.
    expect(coarser(masked, lines).wrong.length).toBeGreaterThan(0);
    // The one-pass check answers as the pattern the server runs.
    const pattern = new RegExp(SERVER_MASKED_KEY);
    expect(lines.filter((line) => hasMaskedKey(line) !== pattern.test(masked(line)))).toEqual([]);
    expect(lines.length - clean.length).toBeGreaterThan(1_000);
  });

  it('catches a simpler mask that ignores keys and one-digit names', () => {
    const naive = (line: string) => line.replace(/\b[0-9a-zA-Z]*[0-9][0-9a-zA-Z]*\b/g, '0');
    expect(coarser(naive, corpus(10_000)).wrong.length).toBeGreaterThan(0);
  });
});

describe('quoting', () => {
  it('writes a string literal that holds quotes, backslashes and line ends as they are', () => {
    expect(quoteString("it's")).toBe("'it\\'s'");
    expect(quoteString('a\\b')).toBe("'a\\\\b'");
    expect(quoteString("x' OR 1=1 --\n")).toBe("'x\\' OR 1=1 --\\n'");
  });

  it('writes an identifier in backquotes with its backquotes escaped', () => {
    expect(quoteIdentifier('level')).toBe('`level`');
    expect(quoteIdentifier('a`; DROP TABLE t; --')).toBe('`a\\`; DROP TABLE t; --`');
  });
});

describe('the time column', () => {
  it('reads integers as epoch milliseconds and DateTime as seconds, and refuses other types', () => {
    expect(timeColumn('ts', 'UInt64')?.atLeast(1_700_000_000_123)).toBe('`ts` >= 1700000000123');
    expect(timeColumn('t', 'DateTime')?.before(1_700_000_000_500)).toBe('`t` < toDateTime(1700000001)');
    expect(timeColumn('t', 'Nullable(DateTime)')?.ms).toContain('toUnixTimestamp');
    expect(timeColumn('t', 'UInt32', 's')?.atLeast(1_700_000_000_900)).toBe('`t` >= 1700000000');
    expect(timeColumn('t', 'String')).toBeNull();
  });
});

describe('the pushed-down query', () => {
  /** A `logs` table with its time in epoch milliseconds, as the bench and most tests have it. */
  const logs: GroupQuery = {
    table: '`logs`',
    time: timeColumn('ts', 'UInt64')!,
    message: '`message`',
    service: '`service`',
    level: '`level`',
    window: { from: 1, to: 2 },
  };

  it('groups rows by a hash of service, level, masked line and keys, and sends no masked text back', () => {
    const sql = groupQuery(logs);
    expect(sql).toMatch(
      /cityHash64\(`service`, `level`, replaceRegexpAll\(`message`, .*\), extractAll\(`message`, .*\)\) AS hs_key/,
    );
    expect(sql).toContain('GROUP BY hs_key, hs_minute');
    expect(sql).toMatch(/GROUP BY hs_key$/);
    expect(sql.split('\n')[0]).not.toContain('masked');
  });

  it('leaves the keys out when asked, and says per row whether its masked line holds a masked key', () => {
    const sql = groupQuery(logs, { keys: false });
    expect(sql).not.toContain('extractAll');
    expect(sql).toMatch(/cityHash64\(`service`, `level`, replaceRegexpAll\(`message`, .*'0'\)\) AS hs_key/);
    expect(sql).toContain('match(any(hs_masked), ');
  });

  it('puts every value of the query in quotes or as a checked integer', () => {
    const sql = groupQuery({ ...logs, level: "''", services: ["x') OR (1=1"] });
    expect(sql).toContain("`service` IN ('x\\') OR (1=1')");
    expect(() => groupQuery({ ...logs, window: { from: 1.5, to: 2 } })).toThrow(RangeError);
  });
});
