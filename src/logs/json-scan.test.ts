import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.mjs';
import { jsonRecordReader, readParsed } from './json-record.js';
import { jsonFieldScanner, VALUE } from './json-scan.js';
import { emptyRecord } from './log-record.js';
import { timestampReader } from './timestamp.js';

describe('jsonFieldScanner', () => {
  const scanner = jsonFieldScanner(['msg', 'time', 'err']);

  it('finds the wanted keys and skips the rest, nested values included', () => {
    const line = '{"level":30,"req":{"msg":"inner","a":[1,{"b":"}"}]},"time":1714521600000,"msg":"done"}';
    expect(scanner.scan(line)).toBe(true);
    expect(scanner.text(line, 0)).toBe('done');
    expect(scanner.number(line, 1)).toBe(1714521600000);
    expect(scanner.kind(2)).toBe(VALUE.none);
  });

  it('decodes escaped strings and keeps the last of repeated keys, as JSON.parse does', () => {
    const line = '{ "msg" : "first" , "msg":"say \\"hi\\"\\n\\u00e9\\\\" }';
    expect(scanner.scan(line)).toBe(true);
    expect(scanner.kind(0)).toBe(VALUE.escaped);
    expect(scanner.text(line, 0)).toBe('say "hi"\n\u00e9\\');
  });

  it('spans a nested object so it can be scanned in turn', () => {
    const line = '{"err":{"type":"Error","message":"boom"},"msg":""}';
    expect(scanner.scan(line)).toBe(true);
    expect(scanner.kind(2)).toBe(VALUE.object);
    const inner = jsonFieldScanner(['message']);
    expect(inner.scan(line, scanner.start(2), scanner.end(2))).toBe(true);
    expect(inner.text(line, 0)).toBe('boom');
  });

  it.each([
    ['a truncated line', '{"msg":"cut here'],
    ['a truncated object', '{"msg":"x","time":1'],
    ['an array', '[{"msg":"x"}]'],
    ['text after the object', '{"msg":"x"} trailing'],
    ['a missing colon', '{"msg" "x"}'],
    ['a leading plus', '{"time":+1}'],
    ['an escaped key', '{"m\\u0073g":"x"}'],
    ['a bare word', '{"msg":undefined}'],
    ['plain text', 'INFO not json at all'],
  ])('does not vouch for %s', (_, line) => {
    expect(scanner.scan(line)).toBe(false);
  });
});

/** Every field of the record and the reader's answer, for comparing the two paths. */
const fastReader = jsonRecordReader({ zone: 'UTC' });
const slowStamps = timestampReader({ zone: 'UTC' });

function both(line: string) {
  const fast = emptyRecord();
  const slow = emptyRecord();
  const fastAnswer = fastReader(line, fast);
  const slowAnswer = readParsed(line, slow, slowStamps);
  const norm = (answer: string | null, r: typeof fast) => (answer ? { answer } : { answer, ...r });
  return { fast: norm(fastAnswer, fast), slow: norm(slowAnswer, slow) };
}

const KEYS = [
  'time',
  'timestamp',
  '@timestamp',
  'ts',
  'level',
  'lvl',
  'severity',
  'log.level',
  'msg',
  'message',
  'log',
  'err',
  'error',
  'fields',
  'service',
  'service.name',
  'app',
  'name',
  'pid',
  'hostname',
  'req',
];
const STRINGS = [
  '',
  'boom',
  'ERROR',
  'warn',
  'info',
  '50',
  'DEBUG5',
  '2024-05-01T14:04:05.123Z',
  '2024-05-01 14:04:05',
  'say "hi"',
  'tab\there',
  'caf\u00e9 \u{1F525}',
  'back\\slash',
  '}{][",:',
  'checkout',
];

/** A random JSON value of the kinds log lines hold, nesting up to `depth`. */
function value(r: () => number, depth: number): unknown {
  const pick = r();
  if (pick < 0.3) return STRINGS[Math.floor(r() * STRINGS.length)];
  if (pick < 0.45) return [10, 30, 50, 60, 1714521600, 1714521600123, 1.5e9, -3, 0.25][Math.floor(r() * 9)];
  if (pick < 0.5) return r() < 0.5;
  if (pick < 0.6) return null;
  if (depth === 0) return 'leaf';
  if (pick < 0.7) return Array.from({ length: Math.floor(r() * 3) }, () => value(r, depth - 1));
  return object(r, depth - 1);
}

function object(r: () => number, depth: number): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const n = Math.floor(r() * 7);
  for (let i = 0; i < n; i++) {
    const key =
      r() < 0.2 ? ['level', 'message', 'name'][Math.floor(r() * 3)] : KEYS[Math.floor(r() * KEYS.length)];
    o[key] = value(r, depth);
  }
  return o;
}

/** JSON text with random spacing around its punctuation, still on one line. */
function spaced(json: string, r: () => number): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    out += c;
    if (c === '"' && json[i - 1] !== '\\') inString = !inString;
    else if (!inString && ':,{['.includes(c) && r() < 0.3) out += r() < 0.5 ? ' ' : '\t';
  }
  return out;
}

describe('jsonRecordReader: the fast path agrees with JSON.parse', () => {
  it('on 20,000 random log-like objects, spaced and truncated', () => {
    const r = random(7);
    let compared = 0;
    for (let i = 0; i < 20_000; i++) {
      const o = object(r, 2);
      if (r() < 0.5) o.time = value(r, 0);
      if (r() < 0.5) o.msg = value(r, 1);
      let line = r() < 0.3 ? spaced(JSON.stringify(o), r) : JSON.stringify(o);
      if (r() < 0.15) line = line.slice(0, Math.floor(r() * line.length));
      const { fast, slow } = both(line);
      expect(fast, line).toEqual(slow);
      compared++;
    }
    expect(compared).toBe(20_000);
  });

  const files = [
    ...readdirSync('test/fixtures/logs')
      .filter((f) => f.includes('json'))
      .map((f) => join('test/fixtures/logs', f)),
    ...(existsSync('../shared/corpora/logs/lnav')
      ? readdirSync('../shared/corpora/logs/lnav')
          .filter((f) => /json/.test(f))
          .map((f) => join('../shared/corpora/logs/lnav', f))
      : []),
  ];

  it.each(files)('on every line of %s', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const line of lines) {
      const { fast, slow } = both(line);
      expect(fast, line).toEqual(slow);
    }
    expect(lines.length).toBeGreaterThan(0);
  });
});
