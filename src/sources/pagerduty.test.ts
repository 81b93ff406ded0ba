import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../bundle/index.js';
import { buildTimeline } from '../timeline/index.js';
import { pagerduty } from './pagerduty.js';
import { fixture, open, openText, readFile, readWith } from './test-kit.js';

const pd = (name: string) => fixture('pagerduty', name);
const compact = (name: string) => JSON.stringify(JSON.parse(readFileSync(pd(name), 'utf8')));

describe('pagerduty', () => {
  it('reads a webhook v3 trigger as a page at occurred_at', async () => {
    const { events, problems } = await readFile(pagerduty, pd('zulip__triggered_v3.json'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'page',
        ts: Date.parse('2021-06-04T13:35:29.781Z'),
        ref: 'pd-01BZYIL05THJDFF2Y08X9SVMTU',
        service: 'pig208',
        summary: 'Triggered: Test Incident 3',
      }),
    ]);
    expect(events[0].attrs).toMatchObject({
      incidentId: 'PFQZPSY',
      incidentNumber: 9,
      status: 'triggered',
      step: 'trigger',
      eventType: 'incident.triggered',
    });
  });

  it('replays the escalate, priority, status update, note and responder events of one incident in order', async () => {
    const files = ['zulip__responder_added.json', 'zulip__annotated_v3.json', 'zulip__escalate_v3.json'];
    const more = ['zulip__status_updated_v3.json', 'zulip__priority_updated_v3.json'];
    const text = [...files, ...more].map(compact).join('\n');
    const { events, problems } = await readWith(pagerduty, await openText(text, 'pagerduty.jsonl'));
    expect(problems).toEqual([]);
    expect(events.map((e) => [new Date(e.ts).toISOString(), e.kind, e.source.line])).toEqual([
      ['2026-04-01T02:08:04.642Z', 'action', 3],
      ['2026-04-01T02:15:36.315Z', 'action', 5],
      ['2026-04-01T02:17:41.211Z', 'note', 4],
      ['2026-04-01T02:18:59.674Z', 'note', 2],
      ['2026-04-01T02:20:14.737Z', 'action', 1],
    ]);
    expect(events.every((e) => e.attrs?.incidentId === 'Q3B15VLMF3ASBD')).toBe(true);
    expect(events[1].summary).toBe('Priority set to P2: Critical: Checkout API High Latency');
    expect(events[1].attrs).toMatchObject({ dedupKey: 'd387d7bd2e0a4294a5307339dfe1669a' });
    expect(events[3].summary).toBe('Running KILL on long-running queries from the reporting-service.');
  });

  it('reads acknowledged as ack and resolved as alert_resolved', async () => {
    const ack = (await readFile(pagerduty, pd('zulip__acknowledged_v3.json'))).events[0];
    const resolved = (await readFile(pagerduty, pd('zulip__resolved_v3.json'))).events[0];
    expect([ack.kind, ack.ts, ack.summary]).toEqual([
      'ack',
      Date.parse('2021-06-04T13:55:30.394Z'),
      'Acknowledged: Test Incident',
    ]);
    expect([resolved.kind, resolved.ts]).toEqual(['alert_resolved', Date.parse('2021-06-04T13:16:53.816Z')]);
  });

  it('reads a reopened incident as a new page', async () => {
    const { events } = await readFile(pagerduty, pd('zulip__reopened_v3.json'));
    expect(events[0]).toMatchObject({
      kind: 'page',
      summary: 'Reopened: Test Incident 2',
      service: 'Default Service',
    });
  });

  it('reads REST log entries oldest first, with the alert name of an Alertmanager-raised incident', async () => {
    const { events, problems } = await readFile(pagerduty, pd('rest__log_entries.json'));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.kind, new Date(e.ts).toISOString(), e.ref, e.source.line])).toEqual([
      ['page', '2026-02-10T12:06:30.000Z', 'pd-R0TRIGGER0000000000000001', 69],
      ['page', '2026-02-10T12:06:31.000Z', 'pd-R0NOTIFY00000000000000001', 56],
      ['action', '2026-02-10T12:11:30.000Z', 'pd-R1ESC00000000000000000001', 43],
      ['ack', '2026-02-10T12:13:02.000Z', 'pd-R2ACK00000000000000000001', 30],
      ['note', '2026-02-10T12:22:40.000Z', 'pd-R3NOTE0000000000000000001', 18],
      ['alert_resolved', '2026-02-10T12:41:07.000Z', 'pd-R6Y2ZJ0S1C2VQKXWW2ZXJ4NM8D', 4],
    ]);
    expect(events[0].attrs).toMatchObject({
      alertname: 'HighErrorRate',
      incidentId: 'Q1CHECKOUT42',
      serviceName: 'checkout',
    });
    expect(events[1].summary).toBe('On-call notified by sms: [#1042] [FIRING:1] HighErrorRate checkout');
    expect(events[4].summary).toBe('Rolling back DEP-7781; error rate climbing since 12:06');
  });

  it('keeps people out of summaries and in attrs.user', async () => {
    const { events } = await readFile(pagerduty, pd('rest__log_entries.json'));
    expect(events.some((e) => /Example/.test(e.summary))).toBe(false);
    expect(events.find((e) => e.kind === 'ack')?.attrs?.user).toBe('Dana Example');
  });

  it("folds the page's routine steps (notifying the on-call, assigning) into the entry they follow", async () => {
    const { events } = await readFile(pagerduty, pd('rest__log_entries.json'));
    const notify = events.find((e) => e.attrs?.step === 'notify');
    expect(notify?.attrs).toMatchObject({ routine: true, object: 'PagerDuty incident Q1CHECKOUT42' });
    expect(events.find((e) => e.attrs?.step === 'escalate')?.attrs?.routine).toBeUndefined();
    const timeline = await buildTimeline(await openBundle([pd('rest__log_entries.json')]));
    const trigger = timeline.events.find((e) => e.summary.startsWith('Triggered'));
    expect(trigger?.folded?.map((f) => f.summary)).toEqual([
      expect.stringMatching(/^On-call notified by sms/),
    ]);
    expect(timeline.events.some((e) => e.summary.startsWith('On-call notified'))).toBe(false);
  });

  it('skips a truncated log and an event without a time', async () => {
    const cut = readFileSync(pd('rest__log_entries.json'), 'utf8').slice(0, 900);
    expect((await readWith(pagerduty, await openText(cut))).problems).toEqual([
      { line: 1, message: 'truncated JSON: the file ends inside this object' },
    ]);
    const timeless = JSON.stringify({ event: { id: 'E1', event_type: 'incident.triggered', data: {} } });
    const { events, problems } = await readWith(pagerduty, await openText(timeless));
    expect(events).toEqual([]);
    expect(problems).toEqual([
      { line: 1, message: 'PagerDuty incident.triggered has no readable occurred_at' },
    ]);
  });

  it('does not claim Opsgenie or Alertmanager payloads', async () => {
    expect(pagerduty.detect(await open(fixture('opsgenie', 'zulip__create.json')))).toBe(false);
    expect(pagerduty.detect(await open(fixture('alertmanager', 'zulip__alert.json')))).toBe(false);
  });
});

describe('pagerduty incidents', () => {
  /** The real incident of the escalate webhook, as GET /incidents lists it once acknowledged and resolved. */
  function listed() {
    const { data } = JSON.parse(readFileSync(pd('zulip__escalate_v3.json'), 'utf8')).event;
    const acknowledgements = [
      { at: '2026-04-01T02:09:10Z', acknowledger: { type: 'user_reference', summary: 'Harsh Santwani' } },
    ];
    const incident = {
      ...data,
      incident_number: data.number,
      status: 'resolved',
      acknowledgements,
      resolved_at: '2026-04-01T02:31:00Z',
    };
    return JSON.stringify({ incidents: [incident], limit: 25, offset: 0, more: false }, null, 2);
  }

  it('reads a listed incident as its page, acknowledgement and resolution', async () => {
    const input = await openText(listed(), 'incidents.json');
    expect(pagerduty.detect(input)).toBe(true);
    const { events, problems } = await readWith(pagerduty, input);
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.kind, e.ref, new Date(e.ts).toISOString()])).toEqual([
      ['page', 'pd-Q3B15VLMF3ASBD', '2026-04-01T02:07:30.000Z'],
      ['ack', 'pd-Q3B15VLMF3ASBD-ack', '2026-04-01T02:09:10.000Z'],
      ['alert_resolved', 'pd-Q3B15VLMF3ASBD-resolved', '2026-04-01T02:31:00.000Z'],
    ]);
    expect(events[0]).toMatchObject({
      service: 'Default Service',
      summary: 'Triggered: Critical: Checkout API High Latency',
    });
    expect(events[1].attrs).toMatchObject({
      user: 'Harsh Santwani',
      dedupKey: 'd387d7bd2e0a4294a5307339dfe1669a',
    });
  });
});
