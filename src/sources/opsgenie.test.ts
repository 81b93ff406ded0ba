import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
      { line: 2, message: 'not an Opsgenie webhook payload or API alert' },
    ]);
  });

  it('does not claim Alertmanager notifications', async () => {
    expect(opsgenie.detect(await open(fixture('alertmanager', 'zulip__alert.json')))).toBe(false);
  });
});
