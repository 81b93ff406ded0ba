import { describe, expect, it } from 'vitest';
import { formatDuration, statedDurations } from './durations.js';

describe('statedDurations', () => {
  it('reads compound durations after words that state a length', () => {
    expect(
      statedDurations('an outage lasting 1 hour and 48 minutes, from 16:58 to 18:46 UTC').map(
        (d) => d.seconds,
      ),
    ).toEqual([6480, 6480]);
    expect(statedDurations('**Duration:** 31 minutes')[0].seconds).toBe(1860);
    expect(statedDurations('Total Downtime: ~2 minutes')[0].seconds).toBe(120);
  });

  it('reads a range of times of day as a duration', () => {
    expect(statedDurations('between 10:00 AM PST and 11:30 AM PST, checkout failed')[0]).toMatchObject({
      seconds: 5400,
    });
  });

  it('ignores amounts that are not the incident length', () => {
    expect(statedDurations('the peer was banned for 10 seconds; detected within 45 seconds')).toEqual([]);
    expect(statedDurations('the API was unavailable for 20 minutes')[0].seconds).toBe(1200);
  });

  it('formats a duration the way messages show it', () => {
    expect(formatDuration(6480)).toBe('1 h 48 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(30)).toBe('30 s');
  });
});
