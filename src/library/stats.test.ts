import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from './record.js';
import { libraryStats, median } from './stats.js';

function record(id: string, fields: Partial<IncidentRecord>): IncidentRecord {
  return {
    id,
    origin: 'imported',
    file: null,
    title: id,
    date: null,
    severity: null,
    services: [],
    summary: '',
    impact: {
      durationSeconds: null,
      usersAffected: null,
      usersAffectedPercent: null,
      errorRatePercent: null,
    },
    timeline: [],
    rootCause: null,
    causeKind: null,
    logTemplates: [],
    actionItems: [],
    durations: { detect: null, acknowledge: null, mitigate: null },
    body: '',
    ...fields,
  };
}

const records = [
  record('a', {
    date: '2024-01-03',
    services: ['checkout'],
    causeKind: 'capacity',
    durations: { detect: 60, acknowledge: 30, mitigate: 600 },
  }),
  record('b', {
    date: '2024-01-20',
    services: ['checkout', 'payments'],
    causeKind: 'capacity',
    durations: { detect: 180, acknowledge: null, mitigate: 1200 },
  }),
  record('c', {
    date: '2024-02-11',
    services: ['payments'],
    causeKind: 'config',
    durations: { detect: 600, acknowledge: 90, mitigate: null },
    actionItems: [
      { action: 'Add pool alert', owner: 'sre', due: '2024-02-01', status: 'open', line: 1 },
      { action: 'Roll back', owner: 'sre', due: '2024-01-01', status: 'done', line: 2 },
      { action: 'Tune timeouts', owner: null, due: 'this week', status: null, line: 3 },
      { action: 'Split pools', owner: 'db', due: 'Mar 1, 2024', status: 'in_progress', line: 4 },
    ],
  }),
];

describe('libraryStats', () => {
  it('gives per-service counts and medians of the known durations', () => {
    const stats = libraryStats(records, { today: '2024-03-15' });
    expect(stats.byService).toEqual([
      {
        service: 'checkout',
        count: 2,
        medianDetectSeconds: 120,
        medianAcknowledgeSeconds: 30,
        medianMitigateSeconds: 900,
      },
      {
        service: 'payments',
        count: 2,
        medianDetectSeconds: 390,
        medianAcknowledgeSeconds: 90,
        medianMitigateSeconds: 1200,
      },
    ]);
    expect(stats.byMonth.map((m) => [m.month, m.count])).toEqual([
      ['2024-01', 2],
      ['2024-02', 1],
    ]);
  });

  it('names causes that recur, and only those', () => {
    expect(libraryStats(records).recurringCauses).toEqual([
      { cause: 'capacity', count: 2, incidents: ['a', 'b'] },
    ]);
  });

  it('lists open follow-ups past a written due date, not done or undated ones', () => {
    expect(libraryStats(records, { today: '2024-03-15' }).overdueFollowUps).toEqual([
      { incident: 'c', action: 'Add pool alert', owner: 'sre', due: '2024-02-01' },
      { incident: 'c', action: 'Split pools', owner: 'db', due: '2024-03-01' },
    ]);
    expect(libraryStats(records, { today: '2024-02-01' }).overdueFollowUps).toEqual([]);
  });

  it('takes the middle of an odd count and the mean of the two middles of an even one', () => {
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null])).toBeNull();
  });
});
