import { isLogObject, isOtelLogLine, mineInto, mostly, sampleLines } from '../logs/index.js';
import type { Source } from '../model/index.js';

const isJsonLogLine = (line: string) => {
  if (!line.trimStart().startsWith('{')) return false;
  try {
    const record = JSON.parse(line);
    return record !== null && typeof record === 'object' && isLogObject(record);
  } catch {
    return false;
  }
};

const readJson = mineInto('json');
/** A collector's batch of many records is one line, so lines up to 16 MiB are read. */
const readOtel = mineInto('otel', { maxLineBytes: 16 * 1024 * 1024 });
const isOtel = (sample: string) => mostly(sampleLines(sample, { limit: 20 }), isOtelLogLine);

/**
 * JSON log lines (pino, bunyan, winston, ECS, journald's `journalctl -o json`): mined into
 * templates, not copied line by line. OpenTelemetry collector file-exporter batches
 * (`{"resourceLogs":[…]}`, many records a line) are read record by record.
 */
export const jsonLogs: Source = {
  name: 'json-logs',
  aliases: ['pino', 'bunyan', 'winston', 'ecs', 'journald', 'otel-logs', 'jsonl-logs'],
  title:
    'JSON log lines: pino, bunyan, winston, Elastic Common Schema, journald (journalctl -o json), OpenTelemetry collector file exports (mined into templates)',
  example:
    'kubectl logs deploy/checkout --since=3h > logs/checkout.jsonl; journalctl -u checkout -o json > logs/checkout-journal.jsonl',
  detect: (input) =>
    !input.isDirectory &&
    (mostly(sampleLines(input.sample, { limit: 20 }), isJsonLogLine) || isOtel(input.sample)),
  read: (input, ctx) => (isOtel(input.sample) ? readOtel : readJson)(input, ctx),
};
