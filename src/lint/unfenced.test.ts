import { describe, expect, it } from 'vitest';
import { unfencedLines } from './unfenced.js';

describe('unfencedLines', () => {
  it('gives the lines outside fenced code blocks, numbered as in the document', () => {
    const lines = [
      '- 10:00 deploy',
      '```',
      '- 10:05 quoted log line',
      '```',
      '~~~',
      'x',
      '~~~',
      '- 10:10 rollback',
    ];
    expect([...unfencedLines(lines)]).toEqual([
      { line: 1, text: '- 10:00 deploy' },
      { line: 8, text: '- 10:10 rollback' },
    ]);
  });
  it('leaves every line after a fence that never closes out', () => {
    expect([...unfencedLines(['a', '```', 'b'])]).toEqual([{ line: 1, text: 'a' }]);
  });
});
