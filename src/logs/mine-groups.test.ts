import { describe, expect, it } from 'vitest';
import { mineGroups } from './mine-groups.js';

describe('mineGroups', () => {
  it('adds the counts of groups whose examples join one template, with first and last times', () => {
    const templates = mineGroups(
      [
        {
          service: 'api',
          level: 'ERROR',
          example: 'took 42 ms',
          minutes: [{ minute: 60_000, count: 3 }],
          first: 61_000,
          last: 119_000,
        },
        {
          service: 'api',
          level: 'error',
          example: 'took 7 ms',
          minutes: [
            { minute: 60_000, count: 1 },
            { minute: 180_000, count: 2 },
          ],
        },
        { service: 'api', level: 'info', example: 'took 7 ms', minutes: [{ minute: 0, count: 5 }] },
      ],
      { file: 'clickhouse logs' },
    );
    // In the order of their first lines, as a file sorted by time shows them.
    expect(templates).toEqual([
      expect.objectContaining({ level: 'info', count: 5, firstSeen: 0 }),
      expect.objectContaining({
        service: 'api',
        level: 'error',
        template: 'took <*> ms',
        count: 6,
        firstSeen: 60_000,
        lastSeen: 239_999,
        perMinute: [
          [60_000, 4],
          [180_000, 2],
        ],
        source: { file: 'clickhouse logs', line: null },
      }),
    ]);
  });
});
