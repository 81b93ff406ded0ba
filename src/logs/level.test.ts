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

  it('reads one digit from 0 to 7 as a syslog severity (journald PRIORITY), nothing longer', () => {
    expect(['0', '1', '2', '3', '4', '5', '6', '7'].map((p) => levelFromValue(p))).toEqual([
      'fatal',
      'fatal',
      'fatal',
      'error',
      'warn',
      'info',
      'info',
      'debug',
    ]);
    expect(levelFromValue('8')).toBeNull();
    expect(levelFromValue('30')).toBeNull();
  });

  it('finds a level word near the start of a plain line, not in prose', () => {
    expect(findLevel(' [error] 54053#0: *1 open()', 0)?.level).toBe('error');
    expect(findLevel(':WARN:foo bar', 0)?.level).toBe('warn');
    expect(findLevel(' ERROR pool exhausted', 0)).toEqual({ level: 'error', end: 6 });
    expect(findLevel(' user said the info was wrong', 0)).toBeNull();
  });

  it('takes the first word after the stamp in any case, past a comma', () => {
    expect(findLevel(', Info                  CBS    Loaded', 0)).toEqual({ level: 'info', end: 6 });
    expect(findLevel(' warning: disk almost full', 0)?.level).toBe('warn');
  });

  it('takes a one-letter level after numbers alone (Android logcat), not in prose', () => {
    expect(findLevel('  1702  2395 D WindowManager: x', 0)).toEqual({ level: 'debug', end: 14 });
    expect(findLevel(' 1702 2395 W Tag: x', 0)?.level).toBe('warn');
    expect(findLevel(' I am here', 0)).toBeNull();
    expect(findLevel(' - I am here', 0)).toBeNull();
    expect(findLevel(' 12 E-mails sent', 0)).toBeNull();
  });
});
