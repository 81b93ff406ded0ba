import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../lint/index.js';
import { logTemplateOf, quotedLogTemplates, sameTemplate } from './log-lines.js';

describe('log lines quoted in postmortems', () => {
  it('reduces a log line to a template the way the miner writes one', () => {
    expect(
      logTemplateOf('2024-01-15T14:20:01Z ERROR pool 7f3a9c2e11ab exhausted after 30000ms (100/100)'),
    ).toBe('ERROR pool <*> exhausted after <*> (<*>/<*>)');
  });

  it('takes failing lines from code blocks only', () => {
    const doc = parsePostmortem(
      '# X\n\nThe error was bad.\n\n```\nINFO started\nERROR connection refused to db-1:5432\n```\n',
      'x.md',
    );
    expect(quotedLogTemplates(doc)).toEqual(['ERROR connection refused to db-<*>:<*>']);
  });

  it('matches templates that share most words, not ones that share a few', () => {
    expect(sameTemplate('Connection pool exhausted <*>', 'ERROR connection pool exhausted after <*>')).toBe(
      true,
    );
    expect(sameTemplate('Connection pool exhausted <*>', 'Heap usage above <*>')).toBe(false);
  });
});

describe('JSON log lines', () => {
  it('templates the message of a JSON log line, not its timestamp and fields', () => {
    const line =
      '{"timestamp":"2025-09-29T16:54:16.154136Z","level":"ERROR","fields":{"message":"Failed to create database pools","error":"pool timed out"}}';
    expect(logTemplateOf(line)).toBe('Failed to create database pools: pool timed out');
  });
});
