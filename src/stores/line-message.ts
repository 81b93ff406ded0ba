import { jsonRecordReader } from '../logs/json-record.js';
import { type Level, scanLevel } from '../logs/level.js';
import { emptyRecord } from '../logs/log-record.js';
import { logfmtRecordReader } from '../logs/logfmt-record.js';
import { textRecordReader } from '../logs/text-record.js';

export interface LineMessage {
  message: string;
  level: Level;
  /** The service the line names (`"service":"checkout"`), or null. */
  service: string | null;
}

/**
 * Reads what the miner groups from a raw line a store returns (a Loki entry), with the same
 * readers as log files: JSON and logfmt lines give their message, level and service fields; text
 * lines their message after the stamp and level. The store gives the time, so a line without one
 * is still read; a line no reader understands is its own message.
 * @example lineMessageReader()('{"level":"error","msg":"boom"}') // { message: 'boom', level: 'error', … }
 */
export function lineMessageReader() {
  const options = { zone: 'UTC', date: null };
  const json = jsonRecordReader(options);
  const logfmt = logfmtRecordReader(options);
  const text = textRecordReader(options);
  const record = emptyRecord();
  const answer: LineMessage = { message: '', level: 'unknown', service: null };

  const take = (): LineMessage => {
    answer.message = record.message;
    answer.level = record.level;
    answer.service = record.service;
    return answer;
  };
  return (line: string): LineMessage => {
    record.service = null;
    record.message = '';
    record.level = 'unknown';
    const trimmed = line.trimStart();
    if (trimmed.startsWith('{')) {
      if (json(trimmed, record) === null && record.message) return take();
      // Loki keeps the time beside the line, so JSON lines often carry none: lend one to read the rest.
      const rest = trimmed.slice(1).trimStart();
      if (rest.length > 1 && json(`{"@t":1,${rest}`, record) === null && record.message) return take();
    } else if (/^[\w.@-]{1,64}=/.test(trimmed) && logfmt(trimmed, record) === null && record.message)
      return take();
    else if (text(line, record) === null && !Number.isNaN(record.ts) && record.message) return take();
    answer.message = line.trim();
    answer.level = scanLevel(line, 0)?.level ?? 'unknown';
    answer.service = null;
    return answer;
  };
}
