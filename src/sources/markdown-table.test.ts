import { describe, expect, it } from 'vitest';
import { columnRolesByContent, dayColumnAsTime } from './markdown-table.js';

describe('a timeline table dated by days alone', () => {
  const rows = [
    ['2021-05-08', 'Pull request merged'],
    ['2021-06-16', 'Release published'],
  ];

  it('reads the column of days as the time column when no column holds times', () => {
    const roles = columnRolesByContent(['Date', 'Event'], rows);
    expect(roles).toEqual(['date', 'summary']);
    expect(dayColumnAsTime(roles, rows)).toEqual(['time', 'summary']);
    // A header that names no date: the column of days is found by what it holds.
    expect(dayColumnAsTime(columnRolesByContent(['Wann', 'Event'], rows), rows)).toEqual(['time', 'summary']);
  });

  it('leaves the roles alone when a column holds times, or no column holds days', () => {
    const timed = [
      ['2021-05-08', '10:00', 'merged'],
      ['2021-06-16', '11:00', 'published'],
    ];
    const roles = columnRolesByContent(['Date', 'Time', 'Event'], timed);
    expect(dayColumnAsTime(roles, timed)).toEqual(roles);
    const words = [
      ['soon', 'merged'],
      ['later', 'published'],
    ];
    expect(dayColumnAsTime(columnRolesByContent(['Date', 'Event'], words), words)).toEqual([
      'date',
      'summary',
    ]);
  });
});
