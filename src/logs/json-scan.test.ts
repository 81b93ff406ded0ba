import { isAscii } from 'node:buffer';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.mjs';
import { jsonRecordReader, readParsed } from './json-record.js';
import { type JsonFieldScanner, jsonFieldScanner, VALUE } from './json-scan.js';
import { emptyRecord, type LogRecord } from './log-record.js';
import { timestampReader } from './timestamp.js';

/** Scans `line` as the only content of a buffer. */
function scanLine(scanner: JsonFieldScanner, line: string) {
  const bytes = Buffer.from(line);
  return { bytes, scanned: scanner.scan(bytes, 0, bytes.length) };
}

describe('jsonFieldScanner', () => {
  const scanner = jsonFieldScanner(['msg', 'time', 'err']);

  it('finds the wanted keys and skips the rest, nested values included', () => {
    const { bytes, scanned } = scanLine(
      scanner,
      '{"level":30,"req":{"msg":"inner","a":[1,{"b":"}"}]},"time":1714521600000,"msg":"done"}',
    );
    expect(scanned).toBe(true);
    expect(scanner.text(bytes, 0)).toBe('done');
    expect(scanner.number(bytes, 1)).toBe(1714521600000);
    expect(scanner.kind(2)).toBe(VALUE.none);
  });

  it('decodes escaped strings and keeps the last of repeated keys, as JSON.parse does', () => {
    const { bytes, scanned } = scanLine(scanner, '{ "msg" : "first" , "msg":"say \\"hi\\"\\n\\u00e9\\\\" }');
    expect(scanned).toBe(true);
    expect(scanner.kind(0)).toBe(VALUE.escaped);
    expect(scanner.text(bytes, 0)).toBe('say "hi"\n\u00e9\\');
  });

  it('decodes UTF-8 strings, long ones skipped four bytes at a time', () => {
    const message = `caf\u00e9 \u{1F525} ${'x'.repeat(37)}\u00fc`;
    const { bytes, scanned } = scanLine(scanner, JSON.stringify({ note: message, msg: message }));
    expect(scanned).toBe(true);
    expect(scanner.text(bytes, 0)).toBe(message);
  });

  it('spans a nested object so it can be scanned in turn', () => {
    const { bytes, scanned } = scanLine(scanner, '{"err":{"type":"Error","message":"boom"},"msg":""}');
    expect(scanned).toBe(true);
    expect(scanner.kind(2)).toBe(VALUE.object);
    const inner = jsonFieldScanner(['message']);
    expect(inner.scan(bytes, scanner.start(2), scanner.end(2))).toBe(true);
    expect(inner.text(bytes, 0)).toBe('boom');
  });

  it('reads only its own line of a block', () => {
    const block = Buffer.from('{"msg":"one"}\n{"msg":"two","time":12}\n{"msg":"three"}');
    expect(scanner.scan(block, 14, 37)).toBe(true);
    expect(scanner.text(block, 0)).toBe('two');
    expect(scanner.number(block, 1)).toBe(12);
    expect(scanner.scan(block, 14, 36)).toBe(false);
    expect(scanner.scan(Buffer.from('{"msg":"a"}\n}'), 0, 10)).toBe(false);
    expect(scanner.scan(Buffer.from('{"msg":tru\ne}'), 0, 10)).toBe(false);
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
    ['a cut literal', '{"msg":tru'],
    ['plain text', 'INFO not json at all'],
    ['nothing', ''],
  ])('does not vouch for %s', (_, line) => {
    expect(scanLine(scanner, line).scanned).toBe(false);
  });
});

const reader = jsonRecordReader({ zone: 'UTC' });
const slowStamps = timestampReader({ zone: 'UTC' });
/** Neighbour lines for the byte path: one all ASCII, one not, so blocks of both kinds are read. */
const NEIGHBOURS = ['{"msg":"before","time":1}\n', '{"msg":"caf\u00e9","time":2}\r\n'].map((n) =>
  Buffer.from(n),
);
const AFTER = Buffer.from('\r\n{"msg":"after","time":3}\n');

/** The reader's answer and every field of its record, for comparing paths. */
function outcome(read: (record: LogRecord) => string | null) {
  const record = emptyRecord();
  const answer = read(record);
  return answer ? { answer } : { answer, ...record };
}

/**
 * What JSON.parse makes of a line and what the reader makes of it, as text and as bytes within a
 * block of lines, after an ASCII line and after a non-ASCII one.
 */
function paths(line: string | Buffer) {
  const bytes = typeof line === 'string' ? Buffer.from(line) : line;
  const text = typeof line === 'string' ? line : line.toString('utf8');
  const inBlock = NEIGHBOURS.map((before) => {
    const block = Buffer.concat([before, bytes, AFTER]);
    const ascii = isAscii(block);
    return outcome((r) => reader.readBytes!(block, before.length, before.length + bytes.length, r, ascii));
  });
  return {
    parsed: outcome((r) => readParsed(text, r, slowStamps)),
    fromText: outcome((r) => reader(text, r)),
    bytesParsed: outcome((r) => readParsed(bytes.toString('utf8'), r, slowStamps)),
    inBlock,
  };
}

function expectAgreement(line: string | Buffer) {
  const { parsed, fromText, bytesParsed, inBlock } = paths(line);
  expect(fromText, String(line)).toEqual(parsed);
  for (const fromBytes of inBlock) expect(fromBytes, String(line)).toEqual(bytesParsed);
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
  '__REALTIME_TIMESTAMP',
  'PRIORITY',
  'MESSAGE',
  'SYSLOG_IDENTIFIER',
  '_SYSTEMD_UNIT',
  '_COMM',
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
  '6',
  '1534860261221373',
  '20240501123000',
  'sshd.service',
];

/** A random JSON value of the kinds log lines hold, nesting up to `depth`. */
function value(r: () => number, depth: number): unknown {
  const pick = r();
  if (pick < 0.3) return STRINGS[Math.floor(r() * STRINGS.length)];
  if (pick < 0.45) return [10, 30, 50, 60, 1714521600, 1714521600123, 1.5e9, -3, 0.25][Math.floor(r() * 9)];
  if (pick < 0.5) return r() < 0.5;
  if (pick < 0.6) return null;
  if (depth === 0) return 'leaf';
  if (pick < 0.65) return Array.from({ length: Math.floor(r() * 3) }, () => value(r, depth - 1));
  // journald's MESSAGE as bytes, a bad one among them now and then.
  if (pick < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => Math.floor(r() * 260));
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
    else if (!inString && ':,{['.includes(c) && r() < 0.3) out += [' ', '\t', '\r'][Math.floor(r() * 3)];
  }
  return out;
}

describe('jsonRecordReader: the fast path agrees with JSON.parse, from text and from bytes', () => {
  it.each([
    [
      'invalid UTF-8 in the message',
      [Buffer.from('{"time":1,"level":30,"msg":"a'), Buffer.from([0xff, 0xc3]), Buffer.from('b"}')],
    ],
    [
      'a cut character before a quote',
      [Buffer.from('{"time":1,"msg":"\u00e9'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')],
    ],
    [
      'a stray byte between fields',
      [Buffer.from('{"time":1,"msg":"x"'), Buffer.from([0x80]), Buffer.from(',"level":"warn"}')],
    ],
    ['a bad escape in the message', [Buffer.from('{"time":1,"msg":"in\\32 ms"}')]],
    ['a carriage return inside', [Buffer.from('{"time":1,\r"msg":"x",\r"level":"warn"}\r')]],
  ])('on %s', (_, parts) => {
    expectAgreement(Buffer.concat(parts));
  });

  it('takes raw control characters in strings from bytes as from text (neither checks for them)', () => {
    const line = '{"time":1,"msg":"a\u0000b\tc"}';
    const { fromText, inBlock } = paths(line);
    expect(fromText).toMatchObject({ answer: null, message: 'a\u0000b\tc' });
    for (const fromBytes of inBlock) expect(fromBytes).toEqual(fromText);
  });

  it('reads a string with a lone surrogate through JSON.parse', () => {
    const line = '{"time":1,"msg":"half \ud83d pair"}';
    const { parsed, fromText } = paths(line);
    expect(fromText).toEqual(parsed);
    expect(fromText).toMatchObject({ message: 'half \ud83d pair' });
  });

  it('on 20,000 random log-like objects, spaced and truncated', () => {
    const r = random(7);
    let compared = 0;
    for (let i = 0; i < 20_000; i++) {
      const o = object(r, 2);
      if (r() < 0.5) o.time = value(r, 0);
      if (r() < 0.5) o.msg = value(r, 1);
      if (r() < 0.1) o.MESSAGE = value(r, 1);
      let line = r() < 0.3 ? spaced(JSON.stringify(o), r) : JSON.stringify(o);
      if (r() < 0.15) line = line.slice(0, Math.floor(r() * line.length));
      expectAgreement(line);
      compared++;
    }
    expect(compared).toBe(20_000);
  });

  const files = [
    ...readdirSync('test/fixtures/logs')
      .filter((f) => /json|bunyan|pino|ecs/.test(f))
      .map((f) => join('test/fixtures/logs', f)),
    ...(existsSync('../shared/corpora/logs/lnav')
      ? readdirSync('../shared/corpora/logs/lnav')
          .filter((f) => /json/.test(f))
          .map((f) => join('../shared/corpora/logs/lnav', f))
      : []),
  ];

  it.each(files)('on every line of %s', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const line of lines) expectAgreement(line);
    expect(lines.length).toBeGreaterThan(0);
  });
});
