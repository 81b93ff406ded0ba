import { describe, expect, it } from 'vitest';
import { findLevel, levelFromNumber, levelFromValue } from './level.js';

describe('levels', () => {
  it('maps pino and bunyan numbers', () => {
    expect([10, 20, 30, 40, 50, 60].map((n) => levelFromNumber(n))).toEqual([
      'trace',
      'debug',
      'info',
      'warn',
      'error',
      'fatal',
    ]);
  });

  it('reads words with decoration', () => {
    expect(levelFromValue('WARNING')).toBe('warn');
    expect(levelFromValue('DEBUG5')).toBe('debug');
    expect(levelFromValue('banana')).toBeNull();
  });

  it('finds a level word near the start of a plain line, not in prose', () => {
    expect(findLevel(' [error] 54053#0: *1 open()', 0)?.level).toBe('error');
    expect(findLevel(':WARN:foo bar', 0)?.level).toBe('warn');
    expect(findLevel(' ERROR pool exhausted', 0)).toEqual({ level: 'error', end: 6 });
    expect(findLevel(' user said the info was wrong', 0)).toBeNull();
  });
});
