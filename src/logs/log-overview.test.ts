import { describe, expect, it } from 'vitest';
import type { LogTemplate } from '../model/index.js';
import { logOverview } from './log-overview.js';

const T0 = Date.parse('2026-02-10T13:00:00Z');
const at = (minute: number) => T0 + minute * 60_000;

function template(
  text: string,
  level: LogTemplate['level'],
  count: number,
  first: number,
  last: number,
): LogTemplate {
  return {
    service: 'checkout',
    template: text,
    level,
    count,
    firstSeen: at(first),
    lastSeen: at(last),
    perMinute: [[at(first), count]],
    example: `${text} (example)`,
    source: { file: 'checkout.log', line: first + 1 },
    offset: 0,
  };
}

const noise = template('GET <*> served in <*> ms', 'info', 50_000, 0, 120);
const warn = template('retrying <*>', 'warn', 900, 0, 120);
const rare = template('out of memory in worker <*>', 'fatal', 2, 90, 95);
const steady = template('connection refused to <*>', 'error', 1_200, 10, 118);
const middling = template('timeout calling <*>', 'error', 40, 5, 60);

describe('logOverview', () => {
  const { events, note } = logOverview([noise, warn, rare, steady, middling]);

  it('lists only error and fatal templates, each once at its first occurrence', () => {
    expect(events.map((e) => e.attrs?.template)).toEqual([steady.template, middling.template, rare.template]);
    expect(events.map((e) => e.ts)).toEqual([steady.firstSeen, middling.firstSeen, rare.firstSeen]);
    expect(events.every((e) => e.kind === 'log' && e.attrs?.phase === 'overview')).toBe(true);
  });

  it('ranks the templates most frequent first and says so in each summary and in the note', () => {
    expect(events.map((e) => e.attrs?.rank)).toEqual([1, 2, 3]);
    expect(events[0].summary).toBe(
      'Error log template in checkout (#1 by count): "connection refused to <*>" — 1,200 times, first seen 13:10:00, last seen 14:58:00',
    );
    expect(note).toBe(
      'The evidence holds only logs, so nothing marks an incident window: each error and fatal template is listed at its first occurrence, most frequent first: #1 "connection refused to <*>" (error, 1,200); #2 "timeout calling <*>" (error, 40); #3 "out of memory in worker <*>" (fatal, 2).',
    );
  });

  it('keeps count, first and last seen in the attributes', () => {
    expect(events[2].attrs).toMatchObject({
      level: 'fatal',
      count: 2,
      firstSeen: '2026-02-10T14:30:00.000Z',
      lastSeen: '2026-02-10T14:35:00.000Z',
      example: rare.example,
    });
    expect(events[2].source).toEqual(rare.source);
  });

  it('lists at most `limit` templates and counts the rest in the note', () => {
    const limited = logOverview([rare, steady, middling], { limit: 2 });
    expect(limited.events.map((e) => e.attrs?.rank)).toEqual([1, 2]);
    expect(limited.note).toMatch(
      /#2 "timeout calling <\*>" \(error, 40\)\. 1 more error or fatal template not listed\.$/,
    );
  });

  it('writes times in the zone it is given and a single occurrence as once', () => {
    const once = template('disk full on <*>', 'error', 1, 30, 30);
    const [event] = logOverview([once], { zone: 'Europe/Copenhagen' }).events;
    expect(event.summary).toMatch(/— once at 14:30:00$/);
  });

  it('gives nothing and no note for a log without error lines', () => {
    expect(logOverview([noise, warn])).toEqual({ events: [], note: null });
  });
});

describe('logOverview over more than a day', () => {
  it('names the day of a last sighting after midnight', () => {
    const long = template('mod_jk child init <*> <*>', 'error', 12, 60, 60 * 24 + 30);
    expect(logOverview([long]).events[0].summary).toMatch(
      /first seen 14:00:00, last seen 2026-02-11 13:30:00$/,
    );
  });
});
