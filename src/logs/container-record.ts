// Containers' log files as their runtime writes them: Docker's json-file driver
// (`{"log":"…\n","stream":"stderr","time":"…"}`), the CRI format containerd and CRI-O write under
// /var/log/pods (`2024-03-05T10:01:01.123456789Z stderr F …`), and `kubectl logs --timestamps`
// or `docker logs -t` (`2024-03-05T10:01:01.123456789Z …`); and `logcli query`'s default output,
// the stream's labels after the stamp (`2024-03-05T10:01:01Z {app="checkout"} …`). The container's
// own line is read as it would be on its own (JSON, logfmt, text); the wrapper's time is the record's.
import { type Labels, readLabelSet, serviceFromLabels } from './label-set.js';
import { lineMessageReader } from './line-message.js';
import { emptyRecord, type LogRecord, type RecordReader } from './log-record.js';
import { mostly } from './sample-lines.js';
import { type TimestampOptions, timestampReader } from './timestamp.js';

/** Why a line is skipped that no container runtime wrote. */
export const NOT_CONTAINER = 'not a container runtime line (json-file, CRI or a `--timestamps` stamp)';

/** Longest RFC 3339 stamp a runtime writes (`2024-03-05T10:01:01.123456789+02:00`). */
const MAX_STAMP = 40;

/** What the runtime's wrapper says of one line: its time, its stream, and whether it is whole. */
interface Wrapped {
  ts: number;
  stream: string;
  content: string;
  /** False for a part of a longer line (CRI's `P`, a json-file `log` without its newline). */
  whole: boolean;
  /** The stream's labels, when `logcli` printed them before the line. */
  labels?: Labels;
}

const parseObject = (text: string): Record<string, unknown> | null => {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
};

/** Where an RFC 3339 stamp at the start of `line` ends (at a space), or -1. */
function stampEnd(line: string): number {
  const space = line.indexOf(' ');
  if (space < 20 || space > MAX_STAMP || line.charCodeAt(10) !== 84) return -1;
  const last = line.charCodeAt(space - 1);
  // A runtime's stamp carries its zone: `Z` or an offset's last digit after a colon.
  return last === 90 || (line.charCodeAt(space - 3) === 58 && last >= 48 && last <= 57) ? space : -1;
}

/**
 * The runtime's wrapper of one line, or null when the line is not one. `stamps` reads the times
 * (RFC 3339 with nanoseconds and a zone).
 */
export function unwrapContainerLine(
  line: string,
  stamps: ReturnType<typeof timestampReader>,
): Wrapped | null {
  if (line.charCodeAt(0) === 123) {
    const r = parseObject(line);
    if (!r || typeof r.log !== 'string') return null;
    const time = typeof r.time === 'string' ? stamps.read(r.time) : Number.NaN;
    const log = r.log;
    const whole = log.endsWith('\n');
    const content = whole ? log.slice(0, log.endsWith('\r\n') ? -2 : -1) : log;
    return { ts: time, stream: typeof r.stream === 'string' ? r.stream : '', content, whole };
  }
  const end = stampEnd(line);
  if (end < 0) return null;
  const ts = stamps.read(line.slice(0, end));
  if (Number.isNaN(ts)) return null;
  // CRI: the stream, then `F` (full) or `P` (partial), maybe with more tags after a colon.
  const streamEnd = line.indexOf(' ', end + 1);
  const stream = streamEnd > 0 ? line.slice(end + 1, streamEnd) : '';
  if (stream === 'stdout' || stream === 'stderr') {
    const tag = line.charCodeAt(streamEnd + 1);
    const tagEnd = line.indexOf(' ', streamEnd + 1);
    if ((tag === 70 || tag === 80) && (tagEnd === streamEnd + 2 || line.charCodeAt(streamEnd + 2) === 58)) {
      const content = tagEnd < 0 ? '' : line.slice(tagEnd + 1);
      return { ts, stream, content, whole: tag === 70 };
    }
  }
  // `logcli query`'s default output: the stream's labels between the stamp and the line.
  const set = readLabelSet(line, end + 1);
  if (set && line.charCodeAt(set.end) === 32)
    return { ts, stream: '', content: line.slice(set.end + 1), whole: true, labels: set.labels };
  return { ts, stream: '', content: line.slice(end + 1), whole: true };
}

/**
 * Reads container runtimes' log lines (see the file's head). The container's line is read as a
 * line whose time is kept beside it (`lineMessageReader`: JSON, logfmt or text, its own level,
 * message and service). The record's time is always the runtime's: UTC, to the nanosecond. A line the runtime
 * split (CRI's `P`, a json-file `log` without its newline; runtimes split at 16 KiB) is read from
 * its first part, and the parts after it continue that record, as an indented line (a stack frame)
 * does: nothing waits for an end that may never come.
 * @example containerRecordReader({})('2024-03-05T10:01:01.1Z stderr F level=error msg=timeout', record)
 */
export function containerRecordReader(options: TimestampOptions = {}): RecordReader {
  const stamps = timestampReader({ ...options, zone: 'UTC' });
  const read = lineMessageReader();
  /** The streams whose last line was a part of a longer one. */
  const split = new Set<string>();

  const readContent = (content: string, out: LogRecord): void => {
    const { message, level, service } = read(content);
    out.message = message;
    out.level = level;
    out.service = service;
    out.messageAt = -1;
  };

  return (line: string, out: LogRecord) => {
    const wrapped = unwrapContainerLine(line, stamps);
    if (!wrapped) return NOT_CONTAINER;
    const { content, stream } = wrapped;
    const continued = split.has(stream);
    if (wrapped.whole) split.delete(stream);
    else split.add(stream);
    if (continued) {
      out.ts = Number.NaN;
      return null;
    }
    const first = content.charCodeAt(0);
    if (first === 32 || first === 9 || content.trim() === '') {
      out.ts = Number.NaN;
      return null;
    }
    if (Number.isNaN(wrapped.ts)) return 'no readable time';
    readContent(content, out);
    if (wrapped.labels) out.service = serviceFromLabels(wrapped.labels) ?? out.service;
    out.ts = wrapped.ts;
    return null;
  };
}

/**
 * True when most of a sample's lines are a container runtime's: json-file records, CRI lines, or
 * `--timestamps` stamps before a JSON or logfmt line (a stamp before plain text is a text log's).
 */
export function isContainerLog(lines: string[]): boolean {
  const stamps = timestampReader({ zone: 'UTC' });
  const record = emptyRecord();
  const read = containerRecordReader({ zone: 'UTC' });
  const runtimeLine = (line: string) => {
    const wrapped = unwrapContainerLine(line, stamps);
    if (!wrapped) return false;
    if (line.charCodeAt(0) === 123 || wrapped.stream || wrapped.labels)
      return read(line, record) !== NOT_CONTAINER;
    const c = wrapped.content.charCodeAt(0);
    return c === 123 || /^[A-Za-z_][\w.-]{0,40}=/.test(wrapped.content);
  };
  return mostly(lines, runtimeLine);
}
