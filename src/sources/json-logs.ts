import { isLogObject, mineInto, mostly, sampleLines } from '../logs/index.js';
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

/**
 * JSON log lines (pino, bunyan, winston, ECS, journald's `journalctl -o json`): mined into
 * templates, not copied line by line.
 */
export const jsonLogs: Source = {
  name: 'json-logs',
  aliases: ['pino', 'bunyan', 'winston', 'ecs', 'journald', 'jsonl-logs'],
  title:
    'JSON log lines: pino, bunyan, winston, Elastic Common Schema, journald (journalctl -o json) (mined into templates)',
  example: 'kubectl logs deploy/checkout --since=3h > logs/checkout.jsonl',
  detect: (input) => !input.isDirectory && mostly(sampleLines(input.sample, { limit: 20 }), isJsonLogLine),
  read: mineInto('json'),
};
