// `docker compose logs`: each container's lines behind a `service  | ` prefix, read by the reader
// the container's own lines need.
import { byteFinder } from './byte-finder.js';
import { jsonRecordReader } from './json-record.js';
import { type ByteRecordReader, emptyRecord, type LogRecord, type RecordReader } from './log-record.js';
import { logfmtRecordReader } from './logfmt-record.js';
import { mostly } from './sample-lines.js';
import { textRecordReader } from './text-record.js';
import type { TimestampOptions } from './timestamp.js';

const ESC = 27;
const SPACE = 32;
const PIPE = 124;
const BRACE = 123;
/** Longest service or container name read, and longest padding after it. */
const MAX_NAME = 128;
/** Longest `docker compose logs -t` stamp before a JSON line (`2024-04-25T05:32:35.018123456+02:00`). */
const MAX_STAMP = 40;

/** Why a line is skipped: it has no `service |` prefix. */
export const NOT_COMPOSE = 'no `service |` prefix of docker compose logs';

const isAlnum = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
const isNameByte = (c: number) => isAlnum(c) || c === 45 || c === 95 || c === 46;
const isStampByte = (c: number) =>
  (c >= 48 && c <= 58) || c === 84 || c === 90 || c === 45 || c === 43 || c === 46;

/**
 * Where the ANSI escape sequence at p (an ESC byte) ends: past a CSI sequence (`ESC [`, parameter
 * and intermediate bytes, a final byte from `@` to `~`) or past ESC and the one byte after it.
 */
function escapeEnd(bytes: Uint8Array, p: number, end: number): number {
  if (p + 1 < end && bytes[p + 1] === 91) {
    let q = p + 2;
    while (q < end && (bytes[q] < 64 || bytes[q] > 126)) q++;
    return Math.min(q + 1, end);
  }
  return Math.min(p + 2, end);
}

/** What `composePrefix` found: the name's bounds and where the container's line starts. */
const prefix = { from: 0, to: 0, rest: 0 };

/**
 * Reads `docker compose logs`' prefix at the start of bytes [start, end): ANSI codes, the service
 * or container name, one or more spaces, `|`, then ANSI codes and one space. False when it is not
 * there; else its parts are left in `prefix`.
 */
function composePrefix(bytes: Uint8Array, start: number, end: number): boolean {
  let p = start;
  while (p < end && bytes[p] === ESC) p = escapeEnd(bytes, p, end);
  const from = p;
  if (p >= end || !isAlnum(bytes[p])) return false;
  while (p < end && p - from < MAX_NAME && isNameByte(bytes[p])) p++;
  const to = p;
  if (p >= end || bytes[p] !== SPACE) return false;
  while (p < end && p - to < MAX_NAME && bytes[p] === SPACE) p++;
  if (p >= end || bytes[p] !== PIPE) return false;
  p++;
  let spaced = false;
  for (;;) {
    if (p < end && bytes[p] === ESC) p = escapeEnd(bytes, p, end);
    else if (!spaced && p < end && bytes[p] === SPACE) {
      spaced = true;
      p++;
    } else break;
  }
  prefix.from = from;
  prefix.to = to;
  prefix.rest = p;
  return true;
}

/** Where the name at [from, to) ends without its replica number (`web-1`, old compose's `web_1`). */
function withoutReplica(bytes: Uint8Array, from: number, to: number): number {
  let p = to;
  while (p > from && bytes[p - 1] >= 48 && bytes[p - 1] <= 57) p--;
  return p < to && p - 1 > from && (bytes[p - 1] === 45 || bytes[p - 1] === 95) ? p - 1 : to;
}

/**
 * Where a JSON line starts behind `docker compose logs -t`'s RFC 3339 stamp and a space at p, or
 * -1 when the container's line is not one.
 */
function jsonAfterStamp(bytes: Uint8Array, p: number, end: number): number {
  let q = p;
  while (q < end && q - p < MAX_STAMP && isStampByte(bytes[q])) q++;
  return q - p >= 19 && q + 1 < end && bytes[q] === SPACE && bytes[q + 1] === BRACE ? q + 1 : -1;
}

/** True when bytes [p, end) open with a logfmt key and `=` (`time=`, `level=`, `ts=`). */
function logfmtAt(bytes: Uint8Array, p: number, end: number): boolean {
  let q = p;
  while (q < end && q - p < 16 && (((bytes[q] | 32) >= 97 && (bytes[q] | 32) <= 122) || bytes[q] === 95)) q++;
  return q > p && q < end && bytes[q] === 61;
}

const LOGFMT = -2;
const TEXT = -1;

/** How the container's line at p reads: where its JSON starts (after a `-t` stamp too), LOGFMT or TEXT. */
function containerLine(bytes: Uint8Array, p: number, end: number): number {
  if (p < end && bytes[p] === BRACE) return p;
  const at = jsonAfterStamp(bytes, p, end);
  if (at > 0) return at;
  return logfmtAt(bytes, p, end) ? LOGFMT : TEXT;
}

/** A line without its ANSI escape sequences. */
function withoutEscapes(line: string): string {
  let out = '';
  let from = 0;
  for (let i = line.indexOf('\u001b'); i >= 0; i = line.indexOf('\u001b', from)) {
    out += line.slice(from, i);
    let q = i + 1;
    if (line.charCodeAt(q) === 91) {
      q++;
      while (q < line.length && (line.charCodeAt(q) < 64 || line.charCodeAt(q) > 126)) q++;
    }
    from = Math.min(q + 1, line.length);
  }
  return out + line.slice(from);
}

/**
 * Reads `docker compose logs` output: `<service>-<n>  | <the container's line>`, the prefix maybe
 * wrapped in ANSI codes (`\x1b[2K`, colours). The service is the prefix's name without its replica
 * number (`-1`, old compose's `_1`); the container's line, its ANSI codes dropped, is read as it
 * would be on its own: a JSON line (caddy's `{"level":"info","ts":…}`, also behind `docker compose
 * logs -t`'s stamp), logfmt, or text with its own time (behind `-t`, the stamp of `-t`). A line
 * without a time of its own comes back with `ts` NaN, as from the text reader: a continuation, or
 * skipped before the first timed line. Lines read from bytes are handed to the inner reader where
 * they lie.
 * @example composeRecordReader({})('caddy  | {"level":"info","ts":1761019822.31,"msg":"up"}', record)
 */
export function composeRecordReader(options: TimestampOptions = {}): RecordReader {
  const json = jsonRecordReader(options);
  const logfmt = logfmtRecordReader(options);
  const text = textRecordReader(options);
  const escapes = byteFinder(ESC);
  const encoder = new TextEncoder();
  let scratch = Buffer.alloc(1024);
  let service = '';

  /** The service the prefix just read names, kept as a string while the next lines repeat it. */
  const serviceOf = (bytes: Uint8Array) => {
    const to = withoutReplica(bytes, prefix.from, prefix.to);
    const length = to - prefix.from;
    let same = length === service.length;
    for (let k = 0; same && k < length; k++) same = bytes[prefix.from + k] === service.charCodeAt(k);
    if (!same) service = Buffer.from(bytes.buffer, bytes.byteOffset + prefix.from, length).toString('latin1');
  };

  /** The record's service is the prefix's. */
  const named = (answer: string | null, out: LogRecord): string | null => {
    out.service = service;
    return answer;
  };

  /**
   * Reads the container's line: `rest` decoded, its bytes at [p, end) of `bytes`. `shift` is its
   * place in the whole line, -1 when it is not there as it was written (ANSI codes dropped).
   */
  const readRest = (
    bytes: Buffer,
    p: number,
    end: number,
    rest: string,
    out: LogRecord,
    shift: number,
  ): string | null => {
    const kind = containerLine(bytes, p, end);
    out.messageAt = -1;
    // What comes before the JSON is ASCII (a stamp): its bytes are its characters.
    if (kind >= 0) return named(json(kind === p ? rest : rest.slice(kind - p), out), out);
    if (kind === LOGFMT) return named(logfmt(rest, out), out);
    const answer = text(rest, out);
    out.messageAt = shift >= 0 && out.messageAt >= 0 ? out.messageAt + shift : -1;
    return named(answer, out);
  };

  /** Reads a container's line whose ANSI codes were dropped. */
  const readClean = (clean: string, out: LogRecord): string | null => {
    if (scratch.length < 3 * clean.length) scratch = Buffer.alloc(3 * clean.length + 1024);
    const { written } = encoder.encodeInto(clean, scratch);
    return readRest(scratch, 0, written, clean, out, -1);
  };

  const readLine = (line: string, out: LogRecord): string | null => {
    if (scratch.length < 3 * line.length) scratch = Buffer.alloc(3 * line.length + 1024);
    const { written } = encoder.encodeInto(line, scratch);
    if (!composePrefix(scratch, 0, written)) return NOT_COMPOSE;
    serviceOf(scratch);
    // The prefix is ASCII: its bytes are its characters.
    const rest = line.slice(prefix.rest);
    if (rest.indexOf('\u001b') >= 0) return readClean(withoutEscapes(rest), out);
    return readRest(scratch, prefix.rest, written, rest, out, prefix.rest);
  };

  const readBytes: ByteRecordReader = (bytes, start, end, out, ascii = false) => {
    if (!composePrefix(bytes, start, end)) return NOT_COMPOSE;
    serviceOf(bytes);
    const p = prefix.rest;
    // ANSI codes inside the container's line: decoded and dropped, off the byte path.
    if (escapes(bytes, p, end)) return readClean(withoutEscapes(bytes.toString('utf8', p, end)), out);
    const kind = containerLine(bytes, p, end);
    out.messageAt = -1;
    if (kind >= 0) return named(json.readBytes!(bytes, kind, end, out, ascii), out);
    if (kind === LOGFMT) return named(logfmt(bytes.toString('utf8', p, end), out), out);
    const answer = text.readBytes!(bytes, p, end, out, ascii);
    if (out.messageAt >= 0) out.messageAt += p - start;
    return named(answer, out);
  };
  return Object.assign(readLine, { readBytes });
}

/**
 * True when most of a sample's lines carry `docker compose logs`' `service  | ` prefix and, behind
 * it, at least one has a time of its own: containers' logs, for `composeRecordReader`.
 */
export function isComposeLog(lines: string[]): boolean {
  const read = composeRecordReader({ zone: 'UTC' });
  const record = emptyRecord();
  let timed = false;
  const prefixed = (line: string) => {
    const answer = read(line, record);
    if (answer === null && !Number.isNaN(record.ts)) timed = true;
    return answer !== NOT_COMPOSE;
  };
  return mostly(lines, prefixed) && timed;
}
