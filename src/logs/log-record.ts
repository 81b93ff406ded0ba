import type { Level } from './level.js';
import type { TimestampOptions } from './timestamp.js';

/** One log line as a format reader understands it; readers refill one object per line. */
export interface LogRecord {
  /** Epoch ms (UTC), NaN when the line has no time of its own (a continuation line). */
  ts: number;
  level: Level;
  /** The text the miner groups: the message without time, level and other header fields. */
  message: string;
  /**
   * Where the message starts in an ASCII line (characters and bytes agree) when it is the rest of
   * the line as written (a plain-text line after its header), so that it can be mined from the
   * line's bytes; -1 otherwise. After `readBytes`, `message` may then be left empty.
   */
  messageAt: number;
  /** The service the record names, or null to use the manifest's or the file name. */
  service: string | null;
}

/**
 * Fills `record` from the line in bytes [start, end) of `bytes` (UTF-8, without its newline), with
 * the same answer as the reader gives the decoded line, except that a message that is the rest of
 * the line may be given by `messageAt` alone: readers that can skip decoding offer it.
 * `ascii` tells that all of `bytes` is ASCII, so any part of it decodes as latin1.
 */
export type ByteRecordReader = (
  bytes: Buffer,
  start: number,
  end: number,
  record: LogRecord,
  ascii?: boolean,
) => string | null;

/** Fills `record` from one line; returns null on success, else why the line was skipped. */
export type RecordReader = ((line: string, record: LogRecord) => string | null) & {
  readBytes?: ByteRecordReader;
  /**
   * For lines that hold several records (an OpenTelemetry batch): fills `record` from the next
   * record of the line last read, and answers null, or why that record is skipped, or undefined
   * when the line holds no more.
   */
  next?: (record: LogRecord) => string | null | undefined;
  /** The text of the record last read, to keep as its example instead of the whole line. */
  example?: () => string;
};

export type RecordReaderFactory = (options: TimestampOptions) => RecordReader;

export const emptyRecord = (): LogRecord => ({
  ts: Number.NaN,
  level: 'unknown',
  message: '',
  messageAt: -1,
  service: null,
});
