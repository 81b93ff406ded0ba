import { describe, expect, it } from 'vitest';
import { readWith } from '../../test/support/read-with.js';
import { genericEvents } from './generic-events.js';
import { markdownTimeline } from './markdown-timeline.js';

const fixture = (name: string) => new URL(`../../test/fixtures/${name}`, import.meta.url).pathname;

describe('generic events source', () => {
  it('reads CSV rows, maps kind aliases and keeps extra columns as attributes', async () => {
    const { events, problems, detected } = await readWith(genericEvents, fixture('events/deploys.csv'));
    expect(detected).toBe(true);
    expect(events.map((e) => [e.ref, e.kind, e.service])).toEqual([
      ['DEP-1', 'change', 'api-gateway'],
      ['RB-1', 'rollback', 'api-gateway'],
    ]);
    expect(events[0].summary).toBe('Deploy api-gateway v2.14.0, canary');
    expect(events[0].attrs).toEqual({ approvals: '1/2', author: 'ops-alice' });
    expect(events[0].source).toEqual({ file: 'deploys.csv', line: 2 });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [4, "cannot read time 'not-a-time'"],
      [5, 'record has neither a summary nor a kind'],
    ]);
  });

  it('reads JSON Lines with ISO or epoch-ms times and skips bad lines with their numbers', async () => {
    const { events, problems } = await readWith(genericEvents, fixture('events/events.jsonl'));
    expect(events).toHaveLength(2);
    expect(events[0].attrs).toEqual({ labels: { team: 'edge' } });
    expect(new Date(events[1].ts).toISOString()).toBe('2026-02-10T10:04:00.000Z');
    expect(events[1].kind).toBeUndefined();
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5]);
  });

  it('reads a JSON array with other field names (timestamp, type, app, id, message)', async () => {
    const { events, problems } = await readWith(genericEvents, fixture('events/events.json'));
    expect(events.map((e) => [e.ref, e.kind, e.service, new Date(e.ts).toISOString()])).toEqual([
      ['A-9', 'alert', 'checkout', '2026-02-10T09:03:00.000Z'],
      ['A-9-ok', 'alert_resolved', 'checkout', '2026-02-10T09:40:00.000Z'],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('item 2');
  });

  it('is not detected on a human timeline, and the timeline source is not detected on events', async () => {
    expect((await readWith(genericEvents, fixture('scenarios/seed-000/timeline.md'))).detected).toBe(false);
    expect((await readWith(markdownTimeline, fixture('events/deploys.csv'))).detected).toBe(false);
    expect((await readWith(markdownTimeline, fixture('events/events.jsonl'))).detected).toBe(false);
  });
});
