import { describe, expect, it } from 'vitest';
import { firstDate, isoDay, readDayAt, readMonthDayAt, statedMonth } from './dates.js';

describe('reading days', () => {
  it('reads the first full date in prose, in any common spelling', () => {
    expect(firstDate('On Tuesday 22nd June 2021, the CNI changed')).toBe('2021-06-22');
    expect(firstDate('On September 29, 2025, the service')).toBe('2025-09-29');
    expect(firstDate('On \\[12.05.2024\\] between 10:00 AM')).toBe('2024-05-12');
    expect(firstDate('_4/21/23_')).toBe('2023-04-21');
    expect(firstDate('Monday May 10th (UTC)')).toBeNull();
    expect(firstDate('**Date:** Apr 24–25, 2026')).toBe('2026-04-24');
    expect(firstDate('June 3-4th 2021 outage')).toBe('2021-06-03');
    expect(readDayAt('Jan 14 - 15:00 deploy', 0)).toEqual({ day: { year: null, month: 1, day: 14 }, end: 6 });
    // A long run of dashes after a day is read at once.
    expect(readDayAt(`Apr 24${' -'.repeat(50_000)}25`, 0)?.end).toBe(6);
  });

  it('reads a day without a year, and refuses days that do not exist', () => {
    expect(readDayAt('Jan 14, 10:18 AM', 0)).toEqual({ day: { year: null, month: 1, day: 14 }, end: 6 });
    expect(readDayAt('Thur, 14 June: x', 0)?.day).toEqual({ year: null, month: 6, day: 14 });
    expect(readDayAt('2023-02-30 10:00', 0)).toBeNull();
    expect(readDayAt('20202-01-16', 0)).toBeNull();
  });

  it('reads a day written with a period before its month, but not a numbered item opening with a month', () => {
    expect(readDayAt('19. April, 11:00', 0)).toEqual({ day: { year: null, month: 4, day: 19 }, end: 9 });
    expect(readDayAt('3. March 2021 09:15', 0)?.day).toEqual({ year: 2021, month: 3, day: 3 });
    expect(readDayAt('19. April', 0)?.day).toEqual({ year: null, month: 4, day: 19 });
    expect(readDayAt('1. May cause the pods to restart', 0)).toBeNull();
    expect(readDayAt('2. March the fix to staging', 0)).toBeNull();
  });

  it('puts a day written without a year in the year nearest the day it is read against', () => {
    expect(isoDay({ year: null, month: 12, day: 5 }, '2019-03-26')).toBe('2018-12-05');
    expect(isoDay({ year: null, month: 3, day: 20 }, '2018-12-05')).toBe('2019-03-20');
    expect(isoDay({ year: null, month: 1, day: 14 }, '2022-01-20')).toBe('2022-01-14');
    expect(isoDay({ year: null, month: 1, day: 14 }, null)).toBeNull();
  });

  it('reads a month and day written in digits without a year', () => {
    expect(readMonthDayAt('12-05 16:21', 0)).toEqual({ day: { year: null, month: 12, day: 5 }, end: 5 });
    expect(readMonthDayAt('03/26 x', 0)?.day).toEqual({ year: null, month: 3, day: 26 });
    expect(readMonthDayAt('13-40 x', 0)).toBeNull();
    expect(readMonthDayAt('1-2-3', 0)).toBeNull();
  });
});

describe('a year and month stated with no day', () => {
  it('reads `2026-09` and `September 2026` in a heading', () => {
    expect(statedMonth('Timeline (CEST, all 2026-09 unless noted)')).toEqual({ year: 2026, month: 9 });
    expect(statedMonth('Timeline — September 2026')).toEqual({ year: 2026, month: 9 });
    expect(statedMonth('Events of Sept. 2026')).toEqual({ year: 2026, month: 9 });
  });
  it('reads no month from a whole day, a year alone or a number that is no month', () => {
    expect(statedMonth('Timeline 2026-09-22')).toBeNull();
    expect(statedMonth('Timeline of 2026')).toBeNull();
    expect(statedMonth('Build 2026-13')).toBeNull();
    expect(statedMonth('Timeline')).toBeNull();
  });
});

describe('a month misspelt by one letter', () => {
  it('reads the day where a weekday, an ordinal or a year says it is one', () => {
    expect(readDayAt('Friday 15th Feburary', 0)).toEqual({ day: { year: null, month: 2, day: 15 }, end: 20 });
    expect(readDayAt('Feburary 15, 2019', 0)).toEqual({ day: { year: 2019, month: 2, day: 15 }, end: 17 });
    expect(readDayAt('15th Septmber', 0)?.day).toEqual({ year: null, month: 9, day: 15 });
    expect(readDayAt('Tuesday 3 Octobre', 0)?.day).toEqual({ year: null, month: 10, day: 3 });
  });
  it('reads no day from a word two letters from a month, from other words, or with nothing else saying it is a day', () => {
    expect(readDayAt('15 Octobre', 0)).toBeNull();
    expect(readDayAt('Decided 15th', 0)).toBeNull();
    expect(readDayAt('Separate 3rd', 0)).toBeNull();
    expect(readDayAt('15th Febuaryy', 0)).toBeNull();
  });
  it('no longer reads the start of a longer word as the month ("15th Feb" of "15th Feburary")', () => {
    expect(readDayAt('15 Febrile', 0)).toBeNull();
    expect(readDayAt('15 Feb. 2020', 0)?.day).toEqual({ year: 2020, month: 2, day: 15 });
  });

  // rotkonetworks/www.rotko.net (MIT by its package manifest): "# Network Outage Postmortem (2024-12-19/20)".
  it('reads the first day of a range written with a slash, and no path as a date', () => {
    expect(firstDate('# Network Outage Postmortem (2024-12-19/20)')).toBe('2024-12-19');
    expect(firstDate('from 2024-12-19/2024-12-20')).toBe('2024-12-19');
    expect(firstDate('see /2024/12/19/post-name')).toBeNull();
    expect(firstDate('2024-12-19/20/21')).toBeNull();
  });
});
