import { describe, expect, it } from 'vitest';
import { parseTime } from './parse.js';

const iso = (text: string, date: string | null = '2024-05-12', zone = 'UTC') => {
  const r = parseTime(text, { date, zone });
  return r.ok ? new Date(r.ms).toISOString() : `error: ${r.reason}`;
};

describe('parseTime', () => {
  it('reads a time of day on the manifest date in UTC', () => {
    expect(iso('12:04')).toBe('2024-05-12T12:04:00.000Z');
    expect(iso('14:30:45')).toBe('2024-05-12T14:30:45.000Z');
  });
  it('honours a written zone abbreviation over the manifest zone', () => {
    expect(iso('10:00 AM PST', '2024-05-12', 'Europe/Berlin')).toBe('2024-05-12T18:00:00.000Z');
    expect(iso('14:00 UTC', '2024-01-15', 'America/New_York')).toBe('2024-01-15T14:00:00.000Z');
    expect(iso('2:15 pm CET', '2024-01-15')).toBe('2024-01-15T13:15:00.000Z');
  });
  it('reads naive times in the manifest zone, with daylight saving', () => {
    expect(iso('10:00', '2024-07-01', 'America/Los_Angeles')).toBe('2024-07-01T17:00:00.000Z');
    expect(iso('10:00', '2024-01-01', 'America/Los_Angeles')).toBe('2024-01-01T18:00:00.000Z');
  });
  it('reads ISO 8601 with offsets and fractions', () => {
    expect(iso('2026-02-10T09:58:00.000Z', null)).toBe('2026-02-10T09:58:00.000Z');
    expect(iso('2026-02-10T09:58:00+01:00', null)).toBe('2026-02-10T08:58:00.000Z');
    expect(iso('2021-08-26 08:22', null, 'Europe/Copenhagen')).toBe('2021-08-26T06:22:00.000Z');
  });
  it('reads epoch seconds and milliseconds', () => {
    expect(iso('1700000000', null)).toBe('2023-11-14T22:13:20.000Z');
    expect(iso('1700000000123', null)).toBe('2023-11-14T22:13:20.123Z');
  });
  it('refuses what it cannot read instead of guessing', () => {
    expect(iso('HH:mm')).toMatch(/^error/);
    expect(iso('2021/22-??-??')).toMatch(/^error/);
    expect(iso('25:61')).toMatch(/^error/);
    expect(iso('13:00 PM')).toMatch(/^error/);
    expect(iso('12:04', null)).toMatch(/no date/);
  });
});
