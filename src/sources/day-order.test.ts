import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWith } from '../../test/support/read-with.js';
import { dayOrder, inDocumentDayOrder } from './day-order.js';
import { markdownTimeline } from './markdown-timeline.js';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, number: i + 1 }));

describe('the order a document writes its numeric days in', () => {
  it('is told by a day only one order can read, or by the same day written with its month’s name', () => {
    expect(dayOrder(lines('Started 25/09/2013 10:00, ended 04/09/2013'))).toBe('day-first');
    expect(dayOrder(lines('# Report - 04/09/2013\n\n4th September 2013 from 11:30'))).toBe('day-first');
    expect(dayOrder(lines('Started 09/25/2013 10:00'))).toBe('month-first');
    expect(dayOrder(lines('# Report - 04/09/2013\n\nOn April 9, 2013 the site was down.'))).toBe(
      'month-first',
    );
  });

  it('is not told by nothing, by evidence both ways, by versions or by dotted days', () => {
    expect(dayOrder(lines('04/09/2013 the site was down'))).toBeNull();
    expect(dayOrder(lines('25/09/2013 and 09/26/2013'))).toBeNull();
    expect(dayOrder(lines('release 13-04-21 shipped; 04/09/2013'))).toBeNull();
    expect(dayOrder(lines('On 25.09.2013 it failed'))).toBeNull();
  });

  it('rewrites every day either order could read in a day-first document, and nothing else', () => {
    const doc = lines(
      '# Incident 04/09/2013\n\nSeen on 25/09/2013.\n\n| 05/09/2013 12:28 | mailed support |',
    );
    expect(inDocumentDayOrder(doc).map((l) => l.text)).toEqual([
      '# Incident 2013-09-04',
      '',
      'Seen on 25/09/2013.',
      '',
      '| 2013-09-05 12:28 | mailed support |',
    ]);
    const us = lines('# Incident 04/09/2013\n\n| 04/10/2013 12:28 | mailed support |');
    expect(inDocumentDayOrder(us)).toBe(us);
  });

  it('dates a UK timeline’s rows by the order its prose confirms', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hindsight-')), 'report.md');
    writeFileSync(
      path,
      '# Frontend incident report\n\nOn 4th September 2013 the site broke.\n\n## Timeline\n\n- 04/09/2013 11:30 - deploy of the update\n- 05/09/2013 09:00 - fix deployed\n',
    );
    const { events } = await readWith(markdownTimeline, path);
    expect(events.map((e) => new Date(e.ts).toISOString())).toEqual([
      '2013-09-04T11:30:00.000Z',
      '2013-09-05T09:00:00.000Z',
    ]);
  });

  it('reads long hostile lines in linear time', () => {
    const hostile = [`${'1/'.repeat(25_000)}x`, `${'12/12/'.repeat(10_000)}2013`, `${'1-1-'.repeat(20_000)}`];
    const started = performance.now();
    for (const text of hostile) inDocumentDayOrder(lines(`25/09/2013\n${text}`));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
