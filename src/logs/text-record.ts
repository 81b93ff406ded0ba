import { type Level, levelFromNumber, scanLevel, scanLevelBytes } from './level.js';
import type { ByteRecordReader, LogRecord, RecordReader } from './log-record.js';
import { type TimestampOptions, timestampReader } from './timestamp.js';

const ACCESS = /^\s*"([A-Z]+) (\S+)[^"]*" (\d{3}) /;
const isSeparator = (c: number) =>
  c === 32 || c === 9 || c === 93 || c === 58 || c === 124 || c === 44 || c === 45;

const statusLevel = (status: number): Level => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

/** Syslog severities 0–7 as levels (`<PRI>` is facility × 8 + severity). */
const SEVERITY: readonly Level[] = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => levelFromNumber(n, { syslog: true }));

/** After `priorityAt`: where the `<PRI>` ends (just past its `>`). */
const pri = { end: 0 };

/** The value of a syslog `<PRI>` (one to three digits) at the start of a line, or -1. */
function priorityAt(bytes: Uint8Array, start: number, end: number): number {
  let value = 0;
  let p = start + 1;
  for (; p < end && p < start + 4; p++) {
    const d = bytes[p] - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  if (p === start + 1 || p >= end || bytes[p] !== 62) return -1;
  pri.end = p + 1;
  return value;
}

/** True when RFC 5424's VERSION (one to three digits and a space) is at p, not RFC 3164's stamp. */
function versionAt(bytes: Uint8Array, p: number, end: number): boolean {
  let q = p;
  while (q < end && q < p + 3 && bytes[q] >= 48 && bytes[q] <= 57) q++;
  return q > p && q < end && bytes[q] === 32;
}

/** Where the token at p ends (at a space or the line's end). */
const tokenEnd = (bytes: Uint8Array, p: number, end: number) => {
  while (p < end && bytes[p] !== 32) p++;
  return p;
};

/**
 * Where RFC 5424's MSG starts, p being just after the stamp: past HOSTNAME, APP-NAME, PROCID and
 * MSGID, then STRUCTURED-DATA (`-`, or `[id key="value" …]` elements, `\"`, `\]` and `\\`
 * escaped in values), its space and a UTF-8 byte order mark. `app` is left on APP-NAME's bounds.
 */
function rfc5424Message(
  bytes: Uint8Array,
  p: number,
  end: number,
  app: { from: number; to: number },
): number {
  for (let field = 0; field < 4; field++) {
    while (p < end && bytes[p] === 32) p++;
    const to = tokenEnd(bytes, p, end);
    if (field === 1) {
      app.from = p;
      app.to = to;
    }
    p = to;
  }
  while (p < end && bytes[p] === 32) p++;
  if (p < end && bytes[p] === 91) {
    let quoted = false;
    for (; p < end; p++) {
      const c = bytes[p];
      if (quoted) {
        if (c === 92) p++;
        else if (c === 34) quoted = false;
      } else if (c === 34) quoted = true;
      else if (c === 93 && (p + 1 >= end || bytes[p + 1] !== 91)) {
        p++;
        break;
      }
    }
  } else p = tokenEnd(bytes, p, end);
  if (p < end && bytes[p] === 32) p++;
  if (p + 2 < end && bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf) p += 3;
  return Math.min(p, end);
}

/** glog's and klog's level letters: `I0305 10:01:01.123456 …` is info, `E…` an error. */
const GLOG: Partial<Record<number, Level>> = { 73: 'info', 87: 'warn', 69: 'error', 70: 'fatal' };

/** The level a glog/klog header's first letter names (the stamp was read after it), else undefined. */
const glogLevel = (bytes: Uint8Array, start: number, end: number): Level | undefined =>
  start + 1 < end && bytes[start + 1] >= 48 && bytes[start + 1] <= 57 ? GLOG[bytes[start]] : undefined;

/**
 * Where the message starts after glog's stamp at p: past the thread id and the `file:line]` that
 * says where it was logged (`    1 leaderelection.go:332] error retrieving …`), each only if there.
 */
function glogMessage(bytes: Uint8Array, p: number, end: number): number {
  let q = p;
  while (q < end && bytes[q] === 32) q++;
  const digits = q;
  while (q < end && bytes[q] >= 48 && bytes[q] <= 57) q++;
  if (q === digits || q >= end || bytes[q] !== 32) return p;
  const id = q + 1;
  const close = tokenEnd(bytes, id, end) - 1;
  if (close <= id || bytes[close] !== 93) return id;
  for (let c = id; c < close; c++) if (bytes[c] === 58) return Math.min(close + 2, end);
  return id;
}

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
 * Apache/nginx access-log stamp, or syslog lines with a `<PRI>` (RFC 5424, RFC 3164), whose
 * severity is the level and, in RFC 5424, whose APP-NAME is the service and MSG the message. A line
 * without a stamp continues the previous record (a stack trace) and comes back with `ts` NaN.
 * @example textRecordReader({ zone: 'UTC' })('2024-05-01 00:00:00,003 ERROR pool exhausted', record)
 */
export function textRecordReader(options: TimestampOptions = {}): RecordReader {
  const stamps = timestampReader(options);
  const encoder = new TextEncoder();
  let scratch = Buffer.alloc(1024);
  // RFC 5424's APP-NAME of the last line, kept as a string while the next lines repeat it.
  const app = { from: 0, to: 0 };
  let service = '';

  const serviceOf = (bytes: Buffer, ascii: boolean): string | null => {
    const length = app.to - app.from;
    if (length === 0 || (length === 1 && bytes[app.from] === 45)) return null;
    let same = length === service.length;
    for (let k = 0; same && k < length; k++) same = bytes[app.from + k] === service.charCodeAt(k);
    if (!same) service = bytes.toString(ascii ? 'latin1' : 'utf8', app.from, app.to);
    return service;
  };

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
    // Syslog's `<PRI>`: its severity is the level; RFC 5424 names the service and marks the message.
    const priority = bytes[start] === 60 ? priorityAt(bytes, start, end) : -1;
    // glog's level is its first letter; the words after its stamp are the message's.
    const glog = priority < 0 ? glogLevel(bytes, start, end) : undefined;
    // The level is one of the three tokens after the stamp (`148 INFO`, `1702  2395 D`, `- INFO`).
    const found = priority < 0 && !glog ? scanLevelBytes(bytes, start, stampEnd, end, 3) : null;
    let from = stampEnd;
    let rfc5424 = false;
    if (glog) {
      out.level = glog;
      from = glogMessage(bytes, stampEnd, end);
    } else if (priority >= 0) {
      out.level = SEVERITY[priority & 7];
      rfc5424 = versionAt(bytes, pri.end, end);
      if (rfc5424) {
        from = rfc5424Message(bytes, stampEnd, end, app);
        out.service = serviceOf(bytes, ascii);
      }
    } else if (found) {
      out.level = found.level;
      // Header fields before the level word (thread, pid) are dropped with it.
      from = found.end;
    } else {
      // Or the word before the stamp: `INFO 2024-05-01 10:00:00 …`.
      const c = bytes[start] | 32;
      const first = c >= 97 && c <= 122 ? scanLevelBytes(bytes, start, start, end, 1) : null;
      out.level = first && first.end < stampEnd ? first.level : 'unknown';
    }
    if (!rfc5424) while (from < end && isSeparator(bytes[from])) from++;
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
