import { describe, expect, it } from 'vitest';
import { readWith } from '../../test/support/read-with.js';
import { markdownTimeline } from './markdown-timeline.js';

const fixture = (name: string) => new URL(`../../test/fixtures/${name}`, import.meta.url).pathname;
const iso = (ms: number) => new Date(ms).toISOString();

describe('markdown timeline source', () => {
  it('reads "- **12:04:** text" bullets on the manifest date (seed 000)', async () => {
    const { events, problems, detected } = await readWith(
      markdownTimeline,
      fixture('scenarios/seed-000/timeline.md'),
      { date: '2025-06-14' },
    );
    expect(detected).toBe(true);
    expect(problems).toEqual([]);
    expect(events).toHaveLength(15);
    expect(iso(events[2].ts)).toBe('2025-06-14T12:04:00.000Z');
    expect(events[2].summary).toBe('[ALERT] Latency spike detected on /checkout endpoint.');
    expect(events[2].source).toEqual({ file: 'timeline.md', line: 5 });
  });

  it('honours "10:00 AM PST" written in the bullets (seed 001)', async () => {
    const { events } = await readWith(markdownTimeline, fixture('scenarios/seed-001/timeline.md'), {
      date: '2024-05-12',
    });
    expect(events).toHaveLength(9);
    expect(iso(events[0].ts)).toBe('2024-05-12T18:00:00.000Z');
    expect(iso(events[8].ts)).toBe('2024-05-12T19:30:00.000Z');
  });

  it('reads a Time | Event | Status table and keeps the status as an attribute (seed 002)', async () => {
    const { events } = await readWith(markdownTimeline, fixture('scenarios/seed-002/timeline.md'), {
      date: '2026-01-29',
    });
    expect(events).toHaveLength(7);
    expect(events[1].summary).toBe('Users report API errors');
    expect(iso(events[1].ts)).toBe('2026-01-29T14:30:45.000Z');
    expect(String(events[1].attrs?.status)).toContain('DEGRADED');
  });

  it('reads a ts | kind | service | ref | summary table with its own refs and kinds (seed 003)', async () => {
    const { events } = await readWith(markdownTimeline, fixture('scenarios/seed-003/timeline.md'));
    const dep = events.find((e) => e.ref === 'DEP-7781');
    expect(dep?.kind).toBe('change');
    expect(dep?.service).toBe('ci');
    expect(iso(dep!.ts)).toBe('2026-02-10T10:00:00.000Z');
    expect(events).toHaveLength(20);
  });

  it('reads a summary table and a detailed timeline with sub-bullets as details (seed 004)', async () => {
    const { events } = await readWith(markdownTimeline, fixture('scenarios/seed-004/timeline.md'), {
      date: '2024-01-15',
    });
    const table = events.filter((e) => e.source.line! < 17);
    const detailed = events.filter((e) => e.source.line! >= 17);
    expect(table).toHaveLength(9);
    expect(detailed).toHaveLength(10); // 14:20 is only in the detailed timeline
    expect(table[0].summary).toBe('Deployment started — v2.1.0 deployed to production');
    expect(detailed[0].summary).toBe('Deployment of v2.1.0 began');
    expect(detailed[0].details).toEqual([
      'Change: Updated database connection configuration',
      'Approver: [Name]',
      'Deployment method: Rolling update',
    ]);
    expect(table[0].group).not.toBe(detailed[0].group);
  });

  it('lists unreadable times as problems with their line and never guesses them', async () => {
    const { events, problems } = await readWith(markdownTimeline, fixture('timelines/malformed.md'), {
      date: '2021-09-10',
    });
    // A day with its time left as 'HH:mm' is known to the day: its start, approximate, with a note.
    expect(events.map((e) => e.summary)).toEqual([
      'Created bulk-apply script',
      'Traefik v2 went live',
      'Alert fired for api',
    ]);
    expect(iso(events[0].ts)).toBe('2020-12-21T00:00:00.000Z');
    expect(events[0].attrs?.approximate).toBe(true);
    // Known to the day only, so the analysis never takes the day's start for when it happened.
    expect(events[0].attrs?.dayOnly).toBe(true);
    expect(events[2].attrs?.dayOnly).toBeUndefined();
    expect(problems.map((p) => p.line)).toEqual([5, 6, 8, 11]);
    expect(problems[0].message).toContain("no time of day ('HH:mm')");
    expect(problems[3].message).toContain('HH:mm');
  });

  it('rolls times of day past midnight onto the next day', async () => {
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp('/tmp/hs-');
    await writeFile(`${dir}/t.md`, '- 23:50 deploy started\n- 00:10 errors observed\n');
    const { events } = await readWith(markdownTimeline, `${dir}/t.md`, { date: '2024-03-01' });
    expect(events.map((e) => iso(e.ts))).toEqual(['2024-03-01T23:50:00.000Z', '2024-03-02T00:10:00.000Z']);
  });
});
