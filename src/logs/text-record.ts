import { type Level, scanLevel, scanLevelBytes } from './level.js';
import type { ByteRecordReader, LogRecord, RecordReader } from './log-record.js';
import { type TimestampOptions, timestampReader } from './timestamp.js';

const ACCESS = /^\s*"([A-Z]+) (\S+)[^"]*" (\d{3}) /;
const isSeparator = (c: number) =>
  c === 32 || c === 9 || c === 93 || c === 58 || c === 124 || c === 44 || c === 45;

const statusLevel = (status: number): Level => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

// Access logs: client before the stamp, request and status after it. Out of the hot path.
function clientFirst(line: string, end: number, out: LogRecord): null {
  out.messageAt = -1;
  const access = line.slice(end + 1).match(ACCESS);
  if (access) {
    const status = Number(access[3]);
    out.level = statusLevel(status);
    out.message = `${access[1]} ${access[2]} ${Math.floor(status / 100)}xx`;
    return null;
  }
  out.message = `${line.slice(0, line.lastIndexOf('[', end))}${line.slice(end + 1)}`.trim();
  out.level = scanLevel(out.message, 0)?.level ?? 'unknown';
  return null;
}

/**
 * Reads plain-text log lines that start with a timestamp (ISO 8601, syslog, Java/Python logging
 * defaults, nginx error logs, and the other shapes `timestampReader` knows) or carry an
 * Apache/nginx access-log stamp. A line without a stamp continues the previous record (a stack
 * trace) and comes back with `ts` NaN.
 * @example textRecordReader({ zone: 'UTC' })('2024-05-01 00:00:00,003 ERROR pool exhausted', record)
 */
export function textRecordReader(options: TimestampOptions = {}): RecordReader {
  const stamps = timestampReader(options);
  const readLine = (line: string, out: LogRecord) => {
    const ts = stamps.read(line);
    out.ts = ts;
    out.service = null;
    if (Number.isNaN(ts)) {
      out.message = '';
      out.messageAt = -1;
      return null;
    }
    const end = stamps.end;
    if (line.charCodeAt(end) === 93 && line.lastIndexOf('[', end) > 1) return clientFirst(line, end, out);
    // The level is one of the three tokens after the stamp (`148 INFO`, `1702  2395 D`, `- INFO`).
    const found = scanLevel(line, end, 3);
    let from = end;
    if (found) {
      out.level = found.level;
      // Header fields before the level word (thread, pid) are dropped with it.
      from = found.end;
    } else {
      // Or the word before the stamp: `INFO 2024-05-01 10:00:00 …`.
      const c = line.charCodeAt(0) | 32;
      const first = c >= 97 && c <= 122 ? scanLevel(line, 0, 1) : null;
      out.level = first && first.end < end ? first.level : 'unknown';
    }
    while (from < line.length && isSeparator(line.charCodeAt(from))) from++;
    out.message = line.slice(from);
    out.messageAt = from;
    return null;
  };

  // An ASCII line as it lies in its block: an ISO stamp at its start and the level are read from
  // the bytes; other stamps from the decoded line. The message is left to its bytes (`messageAt`):
  // `message` is filled only when the line was decoded anyway.
  const readBytes: ByteRecordReader = (bytes, start, end, out, ascii = false) => {
    if (!ascii) return readLine(bytes.toString('utf8', start, end), out);
    let line: string | null = null;
    let ts = stamps.readIso(bytes, start, end);
    if (Number.isNaN(ts)) {
      line = bytes.toString('latin1', start, end);
      ts = stamps.read(line);
    }
    out.ts = ts;
    out.service = null;
    if (Number.isNaN(ts)) {
      out.message = '';
      out.messageAt = -1;
      return null;
    }
    const stampEnd = start + stamps.end;
    if (stampEnd < end && bytes[stampEnd] === 93) {
      line ??= bytes.toString('latin1', start, end);
      if (line.lastIndexOf('[', stampEnd - start) > 1) return clientFirst(line, stampEnd - start, out);
    }
    const found = scanLevelBytes(bytes, start, stampEnd, end, 3);
    let from = stampEnd;
    if (found) {
      out.level = found.level;
      from = found.end;
    } else {
      const c = bytes[start] | 32;
      const first = c >= 97 && c <= 122 ? scanLevelBytes(bytes, start, start, end, 1) : null;
      out.level = first && first.end < stampEnd ? first.level : 'unknown';
    }
    while (from < end && isSeparator(bytes[from])) from++;
    out.messageAt = from - start;
    out.message = line === null ? '' : line.slice(from - start);
    return null;
  };
  return Object.assign(readLine, { readBytes });
}
