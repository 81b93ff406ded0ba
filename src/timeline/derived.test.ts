import { describe, expect, it } from 'vitest';
import type { LogTemplate } from '../model/index.js';
import { derivedEvents } from './derived.js';

const T0 = Date.parse('2026-02-10T13:00:00Z');
const at = (minute: number) => T0 + minute * 60_000;
const steady: LogTemplate = {
  service: 'checkout',
  template: 'connection refused to <*>',
  level: 'error',
  count: 120,
  firstSeen: at(0),
  lastSeen: at(119),
  perMinute: Array.from({ length: 120 }, (_, i) => [at(i), 1] as [number, number]),
  example: 'connection refused to db-1',
  source: { file: 'checkout.log', line: 3 },
  offset: 0,
};

describe('derivedEvents', () => {
  it('leaves a steady error out when other evidence marks the incident window', () => {
    expect(derivedEvents([steady], [], at(60), 'UTC')).toEqual({ events: [], notes: [] });
  });

  it('lists a steady error with a note when the log is the only evidence', () => {
    const { events, notes } = derivedEvents([steady], [], null, 'UTC', true);
    expect(events.map((e) => [e.ts, e.attrs?.count, e.attrs?.phase])).toEqual([[at(0), 120, 'overview']]);
    expect(notes).toEqual([expect.stringMatching(/^The evidence holds only logs/)]);
  });
});
