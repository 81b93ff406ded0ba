import { epochFromDigits, epochToMs } from './json-record.js';
import { levelFromValue } from './level.js';
import type { LogRecord, RecordReader } from './log-record.js';
import { type TimestampOptions, timestampReader } from './timestamp.js';

const TIME_KEYS = new Set(['time', 'ts', 't', 'timestamp', 'date', '@timestamp']);
const LEVEL_KEYS = new Set(['level', 'lvl', 'severity', 'loglevel']);
const MESSAGE_KEYS = new Set(['msg', 'message']);
const SERVICE_KEYS = new Set(['service', 'app', 'component', 'caller_service']);

/** Calls `pair` for each `key=value` or `key="quoted value"` of a logfmt line; false if malformed. */
export function scanLogfmt(line: string, pair: (key: string, value: string) => void): boolean {
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (line.charCodeAt(i) === 32) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && line.charCodeAt(i) !== 61 && line.charCodeAt(i) !== 32) i++;
    const key = line.slice(keyStart, i);
    if (line.charCodeAt(i) !== 61) {
      pair(key, '');
      continue;
    }
    i++;
    if (line.charCodeAt(i) === 34) {
      let value = '';
      let from = ++i;
      while (i < n && line.charCodeAt(i) !== 34) {
        if (line.charCodeAt(i) === 92) {
          value +=
            line.slice(from, i) +
            (line[i + 1] === 'n' ? '\n' : line[i + 1] === 't' ? '\t' : (line[i + 1] ?? ''));
          i += 2;
          from = i;
        } else i++;
      }
      if (i >= n) return false;
      pair(key, value + line.slice(from, i));
      i++;
    } else {
      const valueStart = i;
      while (i < n && line.charCodeAt(i) !== 32) i++;
      pair(key, line.slice(valueStart, i));
    }
  }
  return true;
}

/** Why a logfmt line is skipped that has no time field. */
export const NO_TIME_FIELD = 'no time field';

/**
 * Reads logfmt lines (`time=… level=error msg="…" key=value`). The message is `msg`; without
 * one, the line's other pairs are, so a record of pure fields still groups by its keys.
 * @example logfmtRecordReader({})('ts=2024-05-01T00:00:00Z level=warn msg="slow"', record)
 */
export function logfmtRecordReader(options: TimestampOptions = {}): RecordReader {
  const stamps = timestampReader(options);
  return (line: string, out: LogRecord) => {
    let time = '';
    let level = '';
    let message: string | null = null;
    let service: string | null = null;
    let others = '';
    const ok = scanLogfmt(line, (key, value) => {
      if (TIME_KEYS.has(key) && !time) time = value;
      else if (LEVEL_KEYS.has(key) && !level) level = value;
      else if (MESSAGE_KEYS.has(key) && message === null) message = value;
      else if (SERVICE_KEYS.has(key) && !service) service = value || null;
      else others += others ? ` ${key}=${value}` : `${key}=${value}`;
    });
    if (!ok) return 'unterminated quoted value';
    // Filled before the time is read, so a reader that has the time from elsewhere (a container
    // runtime's) can keep the rest of a line that has none.
    out.level = levelFromValue(level) ?? 'unknown';
    out.message = message ?? others;
    out.service = service;
    if (!time) return NO_TIME_FIELD;
    // Digits alone are an epoch only at 10, 13, 16 or 19 of them; a fraction makes seconds.
    const epoch = epochFromDigits(time);
    out.ts = epoch ?? (/^\d+\.\d+$/.test(time) ? epochToMs(Number(time)) : stamps.read(time));
    if (Number.isNaN(out.ts) && epoch === undefined) out.ts = Date.parse(time);
    if (Number.isNaN(out.ts)) return `cannot read time '${time.slice(0, 40)}'`;
    return null;
  };
}
