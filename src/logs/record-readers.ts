import { composeRecordReader } from './compose-record.js';
import { containerRecordReader } from './container-record.js';
import { jsonRecordReader } from './json-record.js';
import type { RecordReaderFactory } from './log-record.js';
import { logfmtRecordReader } from './logfmt-record.js';
import { otelRecordReader } from './otel-record.js';
import { textRecordReader } from './text-record.js';

/** The record readers by name: a worker thread is told a name, since functions cannot be sent. */
export const RECORD_READERS = {
  compose: composeRecordReader,
  container: containerRecordReader,
  json: jsonRecordReader,
  logfmt: logfmtRecordReader,
  otel: otelRecordReader,
  text: textRecordReader,
} satisfies Record<string, RecordReaderFactory>;

export type RecordReaderName = keyof typeof RECORD_READERS;
