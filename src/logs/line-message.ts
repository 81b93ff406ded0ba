import { jsonRecordReader } from './json-record.js';
import { type Level, scanLevel } from './level.js';
import { emptyRecord } from './log-record.js';
import { logfmtRecordReader, NO_TIME_FIELD } from './logfmt-record.js';
import { textRecordReader } from './text-record.js';

export interface LineMessage {
  message: string;
  level: Level;
  /** The service the line names (`"service":"checkout"`), or null. */
  service: string | null;
}

/**
 * Reads what the miner groups from a raw line whose time is kept beside it (a Loki entry, a line
 * inside a container runtime's wrapper), with the same
 * readers as log files: JSON and logfmt lines give their message, level and service fields; text
 * lines their message after the stamp and level. The time is given, so a line without one is still
 * read; a line no reader understands is its own message.
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
      if (rest.length > 1 && json(`{"@t":1,${rest}`, record) === null) {
        // A record of fields alone (an access log in JSON) is its own message, at its own level.
        if (!record.message) record.message = line.trim();
        return take();
      }
    } else if (/^[\w.@-]{1,64}=/.test(trimmed)) {
      // Likewise a logfmt line without a time field keeps its fields.
      const answer = logfmt(trimmed, record);
      if ((answer === null || answer === NO_TIME_FIELD) && record.message) return take();
    }
    if (!trimmed.startsWith('{') && text(line, record) === null && !Number.isNaN(record.ts) && record.message)
      return take();
    answer.message = line.trim();
    answer.level = scanLevel(line, 0)?.level ?? 'unknown';
    answer.service = null;
    return answer;
  };
}
