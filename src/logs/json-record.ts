import { isPrintableTime } from '../time/index.js';
import { type JsonFieldScanner, jsonFieldScanner, VALUE } from './json-scan.js';
import { levelFromValue } from './level.js';
import type { ByteRecordReader, LogRecord, RecordReader } from './log-record.js';
import { type TimestampOptions, timestampReader } from './timestamp.js';

type Json = Record<string, unknown>;

// journald's (`journalctl -o json`) come last: `__REALTIME_TIMESTAMP`, `PRIORITY`, `MESSAGE`, and
// for the service `SYSLOG_IDENTIFIER`, else `_SYSTEMD_UNIT` (its `.service` dropped), else `_COMM`.
const TIME_KEYS = [
  'time',
  'timestamp',
  '@timestamp',
  'ts',
  't',
  'date',
  'datetime',
  '@t',
  'eventTime',
  '__REALTIME_TIMESTAMP',
];
const LEVEL_KEYS = [
  'level',
  'log.level',
  'lvl',
  'severity',
  'levelname',
  'loglevel',
  'severity_text',
  '@l',
  'PRIORITY',
];
const MESSAGE_KEYS = ['msg', 'message', '@message', '@m', '@mt', 'log', 'event', 'body', 'MESSAGE'];
const SERVICE_KEYS = [
  'service',
  'service.name',
  'app',
  'application',
  'name',
  'SYSLOG_IDENTIFIER',
  '_SYSTEMD_UNIT',
  '_COMM',
];
/** The message key journald writes as an array of bytes when the text is not UTF-8. */
const BYTES_MESSAGE_KEY = 'MESSAGE';
/** The service key whose `.service` suffix is dropped. */
const UNIT_KEY = '_SYSTEMD_UNIT';

/** The parsed object of a line, or why it is not one. */
function fieldsOf(line: string): Json | string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line.length > 0 && line.charCodeAt(0) === 123 ? 'truncated or invalid JSON' : 'not a JSON line';
  }
  return record && typeof record === 'object' && !Array.isArray(record)
    ? (record as Json)
    : 'not a JSON object';
}

/** The first of `keys` the record holds a value for (not null), or undefined. */
const firstKey = (record: Json, keys: string[]): string | undefined => {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return key;
  return undefined;
};
const first = (record: Json, keys: string[]): unknown => {
  const key = firstKey(record, keys);
  return key === undefined ? undefined : record[key];
};
const nested = (record: Json, outer: string, inner: string): unknown => {
  const value = record[outer];
  return value && typeof value === 'object' ? (value as Json)[inner] : undefined;
};

/** Epoch numbers by magnitude: seconds, milliseconds, microseconds or nanoseconds; NaN past year 9999. */
export function epochToMs(n: number): number {
  const ms =
    n > 1e17 ? Math.floor(n / 1e6) : n > 1e14 ? Math.floor(n / 1e3) : n > 1e11 ? n : Math.round(n * 1000);
  return isPrintableTime(ms) ? ms : Number.NaN;
}

/**
 * A time written as digits alone: epoch seconds, milliseconds, microseconds or nanoseconds by its
 * length (10, 13, 16 or 19 digits), cut to whole milliseconds; NaN for any other length (an 8-digit
 * `20240501` is a date and a 14-digit `20240501123000` a compact stamp, not epochs) or past year
 * 9999. Undefined when `text` is not all digits, to be read some other way.
 * @example epochFromDigits('1534860261221373') // 1534860261221
 */
export function epochFromDigits(text: string): number | undefined {
  if (!text || !allDigits(text)) return undefined;
  const n = text.length;
  const ms =
    n === 10
      ? Number(text) * 1000
      : n === 13 || n === 16 || n === 19
        ? Number(text.slice(0, 13))
        : Number.NaN;
  return isPrintableTime(ms) ? ms : Number.NaN;
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True when an object looks like a log record rather than a timeline event or other JSON. */
export function isLogObject(record: Json): boolean {
  const hasMessage =
    MESSAGE_KEYS.some((k) => typeof record[k] === 'string') ||
    nested(record, 'err', 'message') != null ||
    typeof nested(record, 'fields', 'message') === 'string';
  const hasLevelOrTime =
    first(record, LEVEL_KEYS) !== undefined || nested(record, 'log', 'level') !== undefined;
  return hasMessage && hasLevelOrTime && record.summary === undefined && record.kind === undefined;
}

type Stamps = ReturnType<typeof timestampReader>;

const readTime = (time: unknown, stamps: Stamps): number => {
  if (typeof time === 'number') return epochToMs(time);
  if (typeof time !== 'string') return Number.NaN;
  const epoch = epochFromDigits(time);
  if (epoch !== undefined) return epoch;
  const ts = stamps.read(time);
  return Number.isNaN(ts) ? Date.parse(time) : ts;
};

/**
 * journald's MESSAGE as an array of bytes (text that is not UTF-8), decoded as UTF-8 with
 * replacement characters; undefined when the array holds anything but bytes.
 */
function textOfBytes(value: unknown[]): string | undefined {
  for (const b of value)
    if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255) return undefined;
  return Buffer.from(value as number[]).toString('utf8');
}

/** The service a key's value names: a non-empty string, a systemd unit without `.service`. */
function serviceName(key: string | undefined, value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  return key === UNIT_KEY && value.endsWith('.service') && value.length > 8 ? value.slice(0, -8) : value;
}

/** The reader's answer from the parsed object: the reference the fast path must agree with. */
function fromObject(r: Json, out: LogRecord, stamps: Stamps): string | null {
  out.ts = readTime(first(r, TIME_KEYS), stamps);
  if (Number.isNaN(out.ts)) return 'no readable time';
  out.level = levelFromValue(first(r, LEVEL_KEYS) ?? nested(r, 'log', 'level')) ?? 'unknown';
  const messageKey = firstKey(r, MESSAGE_KEYS);
  let message = messageKey === undefined ? undefined : r[messageKey];
  if (messageKey === BYTES_MESSAGE_KEY && Array.isArray(message)) message = textOfBytes(message);
  const errorMessage =
    nested(r, 'err', 'message') ?? nested(r, 'error', 'message') ?? nested(r, 'fields', 'message');
  out.message =
    typeof message === 'string' && message ? message : typeof errorMessage === 'string' ? errorMessage : '';
  if (r.service && typeof r.service === 'object')
    out.service = serviceName('service', nested(r, 'service', 'name'));
  else {
    const serviceKey = firstKey(r, SERVICE_KEYS);
    out.service = serviceName(serviceKey, serviceKey === undefined ? undefined : r[serviceKey]);
  }
  return null;
}

/** Reads a line through JSON.parse: the slow path, and the one that explains a bad line. */
export function readParsed(line: string, out: LogRecord, stamps: Stamps): string | null {
  const r = fieldsOf(line);
  return typeof r === 'string' ? r : fromObject(r, out, stamps);
}

const CONTAINERS = ['log', 'err', 'error', 'fields', 'service'];
const KEYS = [...new Set([...TIME_KEYS, ...LEVEL_KEYS, ...MESSAGE_KEYS, ...SERVICE_KEYS, ...CONTAINERS])];
const at = (keys: string[]) => keys.map((key) => KEYS.indexOf(key));
const [TIME, LEVEL, MESSAGE, SERVICE] = [at(TIME_KEYS), at(LEVEL_KEYS), at(MESSAGE_KEYS), at(SERVICE_KEYS)];
const [LOG, ERR, ERROR, FIELDS, SERVICE_OBJECT] = at(CONTAINERS);
const [BYTES_MESSAGE, UNIT] = at([BYTES_MESSAGE_KEY, UNIT_KEY]);
const INNER = ['level', 'message', 'name'];

/** Sent back by the fast path for a line it cannot settle alone. */
const UNSURE = 'unsure';

/**
 * The fast path: the same answer as `readParsed` for the lines it settles, from a scan of the
 * line's bytes, top level and the few nested objects that matter (`log`, `err`, `error`, `fields`,
 * `service`); UNSURE for the others. Only the values it keeps are decoded.
 */
function scannedReader(stamps: Stamps) {
  const top = jsonFieldScanner(KEYS);
  const inner = jsonFieldScanner(INNER);
  let unsure = false;
  let ascii = false;

  const firstOf = (keys: number[]): number => {
    for (const k of keys) if (top.kind(k) !== VALUE.none && top.kind(k) !== VALUE.null) return k;
    return -1;
  };
  /** Key `k`'s value as JSON.parse would give it, as far as the reader cares (objects as `{}`). */
  const decode = (scanner: JsonFieldScanner, bytes: Buffer, k: number): unknown => {
    const kind = scanner.kind(k);
    if (kind === VALUE.none) return undefined;
    if (kind === VALUE.string) return scanner.text(bytes, k, ascii);
    if (kind === VALUE.escaped) {
      // A bad escape (`\3`): JSON.parse of the line says why.
      try {
        return scanner.text(bytes, k);
      } catch {
        unsure = true;
        return undefined;
      }
    }
    if (kind === VALUE.number) {
      const n = scanner.number(bytes, k);
      if (n === undefined) unsure = true;
      return n;
    }
    return kind === VALUE.null ? null : kind === VALUE.true ? true : kind === VALUE.false ? false : {};
  };
  const value = (bytes: Buffer, k: number): unknown => (k < 0 ? undefined : decode(top, bytes, k));
  /** `outer.inner` when `outer` is an object (not null, not an array: those have no such field). */
  const nestedValue = (bytes: Buffer, outer: number, key: number): unknown => {
    if (top.kind(outer) !== VALUE.object) return undefined;
    if (inner.scan(bytes, top.start(outer), top.end(outer))) return decode(inner, bytes, key);
    unsure = true;
    return undefined;
  };

  return (bytes: Buffer, start: number, end: number, out: LogRecord, allAscii: boolean): string | null => {
    if (!top.scan(bytes, start, end)) return UNSURE;
    unsure = false;
    ascii = allAscii;
    out.ts = readTime(value(bytes, firstOf(TIME)), stamps);
    if (Number.isNaN(out.ts)) return unsure ? UNSURE : 'no readable time';
    out.level = levelFromValue(value(bytes, firstOf(LEVEL)) ?? nestedValue(bytes, LOG, 0)) ?? 'unknown';
    const messageKey = firstOf(MESSAGE);
    // journald's MESSAGE as an array of bytes: decoded by the slow path, which is rarely needed.
    if (messageKey === BYTES_MESSAGE && top.kind(messageKey) === VALUE.array) return UNSURE;
    const message = value(bytes, messageKey);
    out.message = typeof message === 'string' && message ? message : errorMessage(bytes);
    if (top.kind(SERVICE_OBJECT) === VALUE.object)
      out.service = serviceName('service', nestedValue(bytes, SERVICE_OBJECT, 2));
    else {
      const serviceKey = firstOf(SERVICE);
      out.service = serviceName(serviceKey === UNIT ? UNIT_KEY : undefined, value(bytes, serviceKey));
    }
    return unsure ? UNSURE : null;
  };

  function errorMessage(bytes: Buffer): string {
    const found = nestedValue(bytes, ERR, 1) ?? nestedValue(bytes, ERROR, 1) ?? nestedValue(bytes, FIELDS, 1);
    return typeof found === 'string' ? found : '';
  }
}

/** A lone UTF-16 surrogate: such a string has no UTF-8 bytes that decode back to it. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Reads JSON log lines: pino and bunyan (numeric levels, `msg`, epoch ms or ISO `time`), winston
 * (`level`, `message`, `timestamp`), ECS (`@timestamp`, `log.level` flat or nested, `message`),
 * journald's `journalctl -o json` (`__REALTIME_TIMESTAMP` in microseconds, `PRIORITY` as a syslog
 * severity, `MESSAGE`, decoded as UTF-8 when written as bytes, `SYSLOG_IDENTIFIER` or the unit).
 * A scan of the line's bytes for the fields it needs settles most lines; JSON.parse settles the
 * rest. `readBytes` reads a line where it lies in a block, decoding only the values it keeps.
 * @example jsonRecordReader({})('{"level":50,"time":1714521600000,"msg":"boom"}', record)
 */
export function jsonRecordReader(options: TimestampOptions = {}): RecordReader {
  const stamps = timestampReader(options);
  const scanned = scannedReader(stamps);
  const readBytes: ByteRecordReader = (bytes, start, end, out, ascii = false) => {
    const answer = scanned(bytes, start, end, out, ascii);
    return answer === UNSURE ? readParsed(bytes.toString('utf8', start, end), out, stamps) : answer;
  };
  const readLine = (line: string, out: LogRecord): string | null => {
    if (LONE_SURROGATE.test(line)) return readParsed(line, out, stamps);
    const bytes = Buffer.from(line);
    const answer = scanned(bytes, 0, bytes.length, out, line.length === bytes.length);
    return answer === UNSURE ? readParsed(line, out, stamps) : answer;
  };
  return Object.assign(readLine, { readBytes });
}
