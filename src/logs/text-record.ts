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
  const encoder = new TextEncoder();
  let scratch = Buffer.alloc(1024);

  /**
   * Reads the line in UTF-8 bytes [start, end) of `bytes`, `text` being the line decoded when the
   * caller has it. The stamp is read from the text when there is one; without it, an ISO stamp at
   * the start is read from the bytes, and only other stamps make the line decoded. The level and
   * the message's place are read from the bytes. In an ASCII line `messageAt` is the message's
   * place (characters and bytes agree) and `message` is filled only when the line was decoded.
   */
  const read = (
    bytes: Buffer,
    start: number,
    end: number,
    out: LogRecord,
    ascii: boolean,
    text: string | null,
  ): string | null => {
    let line = text;
    let ts = line === null ? stamps.readIso(bytes, start, end) : Number.NaN;
    // Where the stamp ends, in characters and in bytes: the same for an ISO stamp read from bytes.
    let stampBytes = stamps.end;
    if (Number.isNaN(ts)) {
      line ??= bytes.toString(ascii ? 'latin1' : 'utf8', start, end);
      ts = stamps.read(line);
      stampBytes = ascii ? stamps.end : Buffer.byteLength(line.slice(0, stamps.end));
    }
    const stampChars = stamps.end;
    out.ts = ts;
    out.service = null;
    if (Number.isNaN(ts)) {
      out.message = '';
      out.messageAt = -1;
      return null;
    }
    const stampEnd = start + stampBytes;
    if (stampEnd < end && bytes[stampEnd] === 93) {
      line ??= bytes.toString(ascii ? 'latin1' : 'utf8', start, end);
      if (line.lastIndexOf('[', stampChars) > 1) return clientFirst(line, stampChars, out);
    }
    // The level is one of the three tokens after the stamp (`148 INFO`, `1702  2395 D`, `- INFO`).
    const found = scanLevelBytes(bytes, start, stampEnd, end, 3);
    let from = stampEnd;
    if (found) {
      out.level = found.level;
      // Header fields before the level word (thread, pid) are dropped with it.
      from = found.end;
    } else {
      // Or the word before the stamp: `INFO 2024-05-01 10:00:00 …`.
      const c = bytes[start] | 32;
      const first = c >= 97 && c <= 122 ? scanLevelBytes(bytes, start, start, end, 1) : null;
      out.level = first && first.end < stampEnd ? first.level : 'unknown';
    }
    while (from < end && isSeparator(bytes[from])) from++;
    if (ascii) {
      out.messageAt = from - start;
      out.message = line === null ? '' : line.slice(from - start);
    } else {
      // Beyond ASCII, the message is cut from the text by its length in characters.
      const rest = bytes.toString('utf8', from, end);
      out.messageAt = -1;
      out.message = line === null ? rest : line.slice(line.length - rest.length);
    }
    return null;
  };

  const readLine = (line: string, out: LogRecord) => {
    if (scratch.length < 3 * line.length) scratch = Buffer.alloc(3 * line.length + 1024);
    const { written } = encoder.encodeInto(line, scratch);
    return read(scratch, 0, written, out, written === line.length, line);
  };
  const readBytes: ByteRecordReader = (bytes, start, end, out, ascii = false) =>
    read(bytes, start, end, out, ascii, null);
  return Object.assign(readLine, { readBytes });
}
