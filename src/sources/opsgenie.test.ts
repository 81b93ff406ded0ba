import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../timeline/classify.js';
import { detectSource } from './index.js';
import { opsgenie } from './opsgenie.js';
import { fixture, open, openText, readFile, readWith } from './test-kit.js';

const og = (name: string) => fixture('opsgenie', name);
const compact = (name: string) => JSON.stringify(JSON.parse(readFileSync(og(name), 'utf8')));

describe('opsgenie', () => {
  it('reads Create at createdAt in milliseconds', async () => {
    const { events, problems } = await readFile(opsgenie, og('zulip__create.json'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'alert',
        ts: 1502709956288,
        ref: 'opsgenie-ec03dad6-62c8-4c94-b38b-d88f398e900f',
        summary: 'another alert',
        service: 'Server',
      }),
    ]);
    expect(events[0].attrs).toMatchObject({
      tinyId: '2',
      alias: 'alert-alias',
      dedupKey: 'alert-alias',
      priority: 3,
      tags: ['vip'],
    });
  });

  it('reads acknowledge, note and close of one alert at their nanosecond updatedAt', async () => {
    const lines = ['zulip__close.json', 'zulip__acknowledge.json', 'zulip__addnote.json']
      .map(compact)
      .join('\n');
    const { events, problems } = await readWith(opsgenie, await openText(lines, 'opsgenie.jsonl'));
    expect(problems).toEqual([]);
    const id = 'opsgenie-052652ac-5d1c-464a-812a-7dd18bbfba8c';
    expect(
      events.map((e) => [e.kind, e.ref, new Date(e.ts).toISOString(), e.summary, e.source.line]),
    ).toEqual([
      ['ack', `${id}-acknowledge`, '2015-01-05T10:03:44.764Z', 'Acknowledged: test alert', 2],
      ['note', `${id}-addnote`, '2015-01-05T10:04:35.002Z', 'note to test alert', 3],
      ['alert_resolved', `${id}-resolved`, '2015-01-05T10:06:14.669Z', 'Closed: test alert', 1],
    ]);
  });

  it('numbers a second note on the same alert', async () => {
    const note = compact('zulip__addnote.json');
    const { events } = await readWith(opsgenie, await openText(`[${note},${note}]`));
    expect(events.map((e) => e.ref)).toEqual([
      'opsgenie-052652ac-5d1c-464a-812a-7dd18bbfba8c-addnote',
      'opsgenie-052652ac-5d1c-464a-812a-7dd18bbfba8c-addnote-2',
    ]);
  });

  it('reads a REST API alert with its acknowledge and close times', async () => {
    const data = {
      id: '70413a06-38d6-4c85-92b8-5ebc900d42e2',
      tinyId: '1791',
      alias: 'event_573',
      message: 'Our servers are in danger',
      status: 'closed',
      createdAt: '2017-05-01T13:40:34.000Z',
      report: { ackTime: 15702, closeTime: 60503, acknowledgedBy: 'monitoring', closedBy: 'monitoring' },
    };
    const { events } = await readWith(
      opsgenie,
      await openText(JSON.stringify({ data, took: 0.003, requestId: 'x' })),
    );
    expect(events.map((e) => [e.kind, e.ts])).toEqual([
      ['alert', Date.parse('2017-05-01T13:40:34.000Z')],
      ['ack', Date.parse('2017-05-01T13:40:49.702Z')],
      ['alert_resolved', Date.parse('2017-05-01T13:41:34.503Z')],
    ]);
  });

  it('skips a truncated delivery and a line that is another tool', async () => {
    const text = `${compact('zulip__create.json').slice(0, 80)}\n{"event":{"event_type":"incident.triggered"}}\n${compact('zulip__close.json')}`;
    const { events, problems } = await readWith(opsgenie, await openText(text));
    expect(events).toHaveLength(1);
    expect(problems).toEqual([
      { line: 1, message: 'not valid JSON' },
      { line: 2, message: 'not an Opsgenie webhook payload, API alert, or alert logs or notes' },
    ]);
  });

  it('does not claim Alertmanager notifications', async () => {
    expect(opsgenie.detect(await open(fixture('alertmanager', 'zulip__alert.json')))).toBe(false);
  });

  describe("an alert's activity (GET /v2/alerts/{id}/logs and /notes)", () => {
    const alertId = '8e2c4f1a-6b3d-4c9e-a1f7-2d5b9c0e7a34';
    const id = `opsgenie-${alertId}`;
    const page = (what: 'logs' | 'notes', data: unknown[], identifierType = 'id') =>
      JSON.stringify({
        data,
        paging: {
          first: `https://api.opsgenie.com/v2/alerts/${alertId}/${what}?identifierType=${identifierType}&order=desc&direction=next&limit=100`,
        },
        took: 0.02,
        requestId: 'r',
      });
    const entry = (log: string, createdAt: string | undefined, offset: string, type = 'system') => ({
      offset,
      log,
      type,
      owner: 'order-oncall@example.com',
      ...(createdAt ? { createdAt } : {}),
    });
    const at = (e: { ts: number }) => new Date(e.ts).toISOString();

    it('reads the log: created, notified, acknowledged and closed, with the refs the alert itself gives', async () => {
      const path = og('seed-001__alert_logs.json');
      expect(detectSource(await open(path))?.name).toBe('opsgenie');
      const { events, problems } = await readFile(opsgenie, path);
      expect(problems).toEqual([]);
      expect(events.map((e) => [e.kind, at(e), e.ref, e.summary, e.signals])).toEqual([
        [
          'alert',
          '2024-05-12T18:00:00.000Z',
          id,
          'Significant increase in database connection errors from order-processing',
          ['symptom', 'detect'],
        ],
        [
          'page',
          '2024-05-12T18:00:00.000Z',
          'opsgenie-log-1715536800000000002',
          'Notified order-oncall@example.com via push notification',
          ['detect'],
        ],
        ['ack', '2024-05-12T18:01:00.000Z', `${id}-acknowledge`, 'Alert acknowledged via mobile', ['ack']],
        [
          'alert_resolved',
          '2024-05-12T19:30:00.000Z',
          `${id}-resolved`,
          'Alert closed via web',
          ['recovery'],
        ],
      ]);
      expect(events[2].attrs).toMatchObject({
        step: 'acknowledge',
        via: 'mobile',
        user: 'order-oncall@example.com',
      });
      // Each entry cites its own line in the page, not the page's first.
      expect(events.map((e) => e.source.line)).toEqual([25, 18, 11, 4]);
    });

    it('gives the alert file and its log the same refs, so the timeline keeps one entry each', async () => {
      const { events: alert } = await readFile(
        opsgenie,
        fixture('export-scenarios-2', 'seed-001', 'opsgenie', `alert_${alertId}.json`),
      );
      const { events: log } = await readFile(opsgenie, og('seed-001__alert_logs.json'));
      const refs = (list: typeof log) =>
        list.filter((e) => e.kind !== 'page').map((e) => [e.kind, e.ref, e.ts]);
      expect(refs(log)).toEqual(refs(alert));
    });

    it("reads the notes as a responder's words, with no kind, for the text to tell what they mean", async () => {
      const path = og('seed-001__alert_notes.json');
      expect(detectSource(await open(path))?.name).toBe('opsgenie');
      const { events, problems } = await readFile(opsgenie, path);
      expect(problems).toEqual([]);
      expect(events).toHaveLength(8);
      expect(events.every((e) => e.kind === undefined && e.signals === undefined)).toBe(true);
      expect(events.map(at)).toEqual(
        ['18:01', '18:10', '18:20', '18:30', '18:45', '19:00', '19:15', '19:30'].map(
          (t) => `2024-05-12T${t}:00.000Z`,
        ),
      );
      const done = events.find((e) => e.summary.startsWith('The rollback is complete'))!;
      expect(done).toMatchObject({
        ref: 'opsgenie-note-1715541300000000000',
        summary: 'The rollback is complete, and the database connection pool recovers.',
        attrs: { alertId, user: 'order-oncall@example.com' },
        source: { line: 13 },
      });
      expect(classify(done).signals).toContain('recovery');
    });

    it('reads a page in either order: each entry carries its own time', async () => {
      const data = JSON.parse(readFileSync(og('seed-001__alert_logs.json'), 'utf8')).data as unknown[];
      const view = (events: { kind?: string; ts: number; ref?: string; summary: string }[]) =>
        events.map((e) => [e.kind, e.ts, e.ref, e.summary]);
      const newest = await readWith(opsgenie, await openText(page('logs', data)));
      const oldest = await readWith(opsgenie, await openText(page('logs', [...data].reverse())));
      expect(view(oldest.events)).toEqual(view(newest.events));
      expect(newest.events.map((e) => e.kind)).toEqual(['alert', 'page', 'ack', 'alert_resolved']);
    });

    it('numbers a second acknowledgement in time order, whatever the order of the page', async () => {
      const data = [
        entry('Alert acknowledged via web', '2024-05-12T18:20:00.000Z', '3'),
        entry('Alert unacknowledged via web', '2024-05-12T18:10:00.000Z', '2'),
        entry('Alert acknowledged via mobile', '2024-05-12T18:01:00.000Z', '1'),
      ];
      const { events } = await readWith(opsgenie, await openText(page('logs', data)));
      expect(events.map((e) => [at(e).slice(11, 16), e.kind, e.ref, e.signals])).toEqual([
        ['18:01', 'ack', `${id}-acknowledge`, ['ack']],
        ['18:10', 'note', 'opsgenie-log-2', []],
        ['18:20', 'ack', `${id}-acknowledge-2`, ['ack']],
      ]);
    });

    it('skips an entry without a time, names it, and reads the rest', async () => {
      const data = [
        entry('Alert closed via web', '2024-05-12T19:30:00.000Z', '1715542200000000001'),
        entry('Alert acknowledged via mobile', undefined, '1715536860000000001'),
        entry('Alert created via Prometheus', '2024-05-12T18:00:00.000Z', '1715536800000000001'),
      ];
      const text = JSON.stringify(JSON.parse(page('logs', data)), null, 2);
      const { events, problems } = await readWith(opsgenie, await openText(text, 'logs.json'));
      expect(events.map((e) => e.kind)).toEqual(['alert', 'alert_resolved']);
      expect(problems).toEqual([
        {
          line: text.split('\n').findIndex((l) => l.includes('"1715536860000000001"')) + 1,
          message:
            'Opsgenie alert log entry 1715536860000000001 ("Alert acknowledged via mobile") has no readable createdAt',
        },
      ]);
      const notes = [
        { note: 'Rolled back.', owner: 'a@example.com', createdAt: 'yesterday-ish', offset: '7' },
        { note: 'Looking.', owner: 'a@example.com', createdAt: '2024-05-12T18:05:00.000Z', offset: '6' },
      ];
      const read = await readWith(opsgenie, await openText(page('notes', notes)));
      expect(read.events.map((e) => e.summary)).toEqual(['Looking.']);
      expect(read.problems.map((p) => p.message)).toEqual([
        'Opsgenie alert note 7 has no readable createdAt',
      ]);
    });

    it('leaves views and note markers out with one note, and keeps escalations as steps with no signal', async () => {
      const data = [
        entry('Viewed on [web]', '2024-05-12T18:03:00.000Z', '5', 'alertRecipient'),
        entry('Alert note added via web', '2024-05-12T18:02:30.000Z', '4'),
        entry('Escalated to next escalation level', '2024-05-12T18:02:00.000Z', '3'),
        entry('Priority changed from P3 to P1', '2024-05-12T18:01:30.000Z', '2'),
        entry('Viewed on [mobile]', '2024-05-12T18:01:00.000Z', '1', 'alertRecipient'),
      ];
      const { events, problems } = await readWith(opsgenie, await openText(page('logs', data)));
      expect(events.map((e) => [e.kind, e.signals, e.attrs?.step])).toEqual([
        ['action', [], 'priority'],
        ['action', [], 'escalate'],
      ]);
      expect(problems).toEqual([
        {
          line: null,
          message:
            "3 routine Opsgenie alert log entries (view, note) not made entries: a view tells nothing of the incident, and a note's words are read from the alert's notes list",
        },
      ]);
    });

    it('gives no ref to the alert-wide steps when the page does not name the alert by id', async () => {
      const data = [
        entry('Alert acknowledged via web', '2024-05-12T18:01:00.000Z', '2'),
        entry('Notified oncall@example.com via SMS', '2024-05-12T18:00:10.000Z', '1', 'alertRecipient'),
      ];
      const { events } = await readWith(opsgenie, await openText(page('logs', data, 'tiny')));
      expect(events.map((e) => [e.kind, e.ref])).toEqual([
        ['page', 'opsgenie-log-1'],
        ['ack', undefined],
      ]);
    });

    it('recognises a page longer than the sample, and an empty one by its links', async () => {
      const notes = Array.from({ length: 400 }, (_, i) => ({
        note: `Step ${i}: ${'still looking at the connection pool and the queries it runs. '.repeat(3)}`,
        owner: 'order-oncall@example.com',
        createdAt: new Date(Date.UTC(2024, 4, 12, 18) + i * 1000).toISOString(),
        offset: String(1715536800000000000 + i),
      }));
      const long = JSON.stringify({ data: notes, took: 0.1, requestId: 'r' }, null, 2);
      expect(long.length).toBeGreaterThan(64 * 1024);
      expect(detectSource(await openText(long))?.name).toBe('opsgenie');
      const empty = await openText(page('notes', []));
      expect(detectSource(empty)?.name).toBe('opsgenie');
      expect(await readWith(opsgenie, empty)).toMatchObject({ events: [], problems: [] });
    });

    it('does not take a list of other records in `data` for an activity page', async () => {
      const other = JSON.stringify({ data: [{ note: 'x', created_at: '2024-05-12T18:00:00Z', id: 1 }] });
      expect(opsgenie.detect(await openText(other))).toBe(false);
    });
  });
});
