import { describe, expect, it } from 'vitest';
import { formatDuration } from './durations.js';

describe('formatDuration', () => {
  it('formats a duration the way messages show it', () => {
    expect(formatDuration(6480)).toBe('1 h 48 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(30)).toBe('30 s');
  });
});
