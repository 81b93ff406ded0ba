import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

describe('durations on the watch command line', () => {
  it('reads milliseconds, seconds, minutes and hours', () => {
    expect(parseDuration('200ms')).toBe(200);
    expect(parseDuration('5s')).toBe(5000);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('1.5s')).toBe(1500);
  });

  it('reads a bare number as seconds', () => {
    expect(parseDuration('30')).toBe(30_000);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['', 'fast', '5 minutes', '-1s', '5x', '1e9s']) expect(parseDuration(bad)).toBeNull();
  });

  it('writes a duration back the way people read it', () => {
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(120_000)).toBe('2m');
    expect(formatDuration(90_000)).toBe('1m30s');
  });
});
