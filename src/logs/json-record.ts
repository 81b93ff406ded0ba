import { levelFromValue } from './level.js';
import type { LogRecord, RecordReader } from './log-record.js';
import { type TimestampOptions, timestampReader } from './timestamp.js';

type Json = Record<string, unknown>;

const TIME_KEYS = ['time', 'timestamp', '@timestamp', 'ts', 't', 'date', 'datetime', '@t', 'eventTime'];
const LEVEL_KEYS = ['level', 'log.level', 'lvl', 'severity', 'levelname', 'loglevel', 'severity_text', '@l'];
const MESSAGE_KEYS = ['msg', 'message', '@message', '@m', '@mt', 'log', 'event', 'body'];
const SERVICE_KEYS = ['service', 'service.name', 'app', 'application', 'name'];

/** The parsed object of a line, or why it is not one. V8's JSON.parse beats any scan written in JS. */
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

const first = (record: Json, keys: string[]): unknown => {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return record[key];
  return undefined;
};
const nested = (record: Json, outer: string, inner: string): unknown => {
  const value = record[outer];
  return value && typeof value === 'object' ? (value as Json)[inner] : undefined;
};

/** Epoch numbers by magnitude: seconds, milliseconds, microseconds or nanoseconds. */
export function epochToMs(n: number): number {
  if (n > 1e17) return Math.floor(n / 1e6);
  if (n > 1e14) return Math.floor(n / 1e3);
  if (n > 1e11) return n;
  return Math.round(n * 1000);
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

/**
 * Reads JSON log lines: pino and bunyan (numeric levels, `msg`, epoch ms or ISO `time`), winston
 * (`level`, `message`, `timestamp`), ECS (`@timestamp`, `log.level` flat or nested, `message`).
 * @example jsonRecordReader({})('{"level":50,"time":1714521600000,"msg":"boom"}', record)
 */
export function jsonRecordReader(options: TimestampOptions = {}): RecordReader {
  const stamps = timestampReader(options);
  return (line: string, out: LogRecord) => {
    const r = fieldsOf(line);
    if (typeof r === 'string') return r;
    const time = first(r, TIME_KEYS);
    if (typeof time === 'number') out.ts = epochToMs(time);
    else if (typeof time === 'string') {
      out.ts = stamps.read(time);
      if (Number.isNaN(out.ts)) out.ts = Date.parse(time);
    } else out.ts = Number.NaN;
    if (Number.isNaN(out.ts)) return 'no readable time';
    out.level = levelFromValue(first(r, LEVEL_KEYS) ?? nested(r, 'log', 'level')) ?? 'unknown';
    const message = first(r, MESSAGE_KEYS);
    const errorMessage =
      nested(r, 'err', 'message') ?? nested(r, 'error', 'message') ?? nested(r, 'fields', 'message');
    out.message =
      typeof message === 'string' && message ? message : typeof errorMessage === 'string' ? errorMessage : '';
    const service =
      r.service && typeof r.service === 'object' ? nested(r, 'service', 'name') : first(r, SERVICE_KEYS);
    out.service = typeof service === 'string' && service ? service : null;
    return null;
  };
}
