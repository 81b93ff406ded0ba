import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertmanager } from './alertmanager.js';
import { fixture, open, openText, readFile, readWith } from './test-kit.js';

const am = (name: string) => fixture('alertmanager', name);
const at = (iso: string) => Date.parse(iso);

describe('alertmanager', () => {
  it('reads a firing webhook as one alert per fingerprint at startsAt', async () => {
    const { events, problems } = await readFile(alertmanager, am('zulip__alert.json'));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.kind, e.ref, e.ts, e.source.line])).toEqual([
      ['alert', 'am-a1bc48475b20e73d', at('2020-02-06T00:17:58.433Z'), 28],
      ['alert', 'am-c2ea85182f28cbd9', at('2020-02-06T00:17:58.433Z'), 45],
    ]);
    expect(events[0].summary).toBe('High CPU Temperature on andromeda: High CPU core temperature');
    expect(events[0].attrs).toMatchObject({
      alertname: 'High CPU Temperature',
      fingerprint: 'a1bc48475b20e73d',
      severity: 'critical',
    });
    expect(events[0].attrs?.labels).toEqual({
      alertname: 'High CPU Temperature',
      host: 'andromeda',
      severity: 'critical',
    });
  });

  it('does not take a future endsAt on a firing alert for a resolution', async () => {
    const { events } = await readFile(alertmanager, am('alertmanager-bot__firing.json'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'alert',
      ts: at('2018-11-04T21:43:58.284Z'),
      summary: 'Fire: Something is on fire',
    });
  });

  it('reads a resolved notification without a firing one as the episode and its end', async () => {
    const { events } = await readFile(alertmanager, am('alertmanager-bot__resolved.json'));
    const firing = (await readFile(alertmanager, am('alertmanager-bot__firing.json'))).events[0];
    expect(events.map((e) => [e.kind, e.ref, e.ts])).toEqual([
      ['alert', firing.ref, at('2018-11-04T21:43:58.284Z')],
      ['alert_resolved', `${firing.ref}-resolved`, at('2018-11-04T21:48:13.284Z')],
    ]);
    expect(events[1].summary).toBe('Fire resolved: Something is on fire');
  });

  it('honours local offsets in startsAt and takes the service from job', async () => {
    const { events } = await readFile(alertmanager, am('prometheus-msteams__prom_post_request.json'));
    expect(events[0]).toMatchObject({ ts: at('2018-03-07T11:33:21.873Z'), service: 'docker_nodes' });
  });

  it('prefers the service label over job', async () => {
    const { events } = await readFile(alertmanager, am('prometheus_bot__simpe.json'));
    expect(events[0]).toMatchObject({ service: 'prometheus_bot', ts: at('2016-04-27T20:46:37.903Z') });
  });

  it('counts repeated notifications of one alert instead of repeating it', async () => {
    const { events } = await readFile(alertmanager, am('calert__mock_payload.json'));
    expect(events.map((e) => [e.ref, e.attrs?.notifications])).toEqual([
      ['am-1a956348d0570965', 30],
      ['am-9bbc9bf3bcb8bf9c', 1],
    ]);
  });

  it('reads karma alert groups once per alert although groups repeat them', async () => {
    const { events } = await readFile(alertmanager, am('karma__am-0.31.0__api-v2-alerts-groups.json'));
    expect(events).toHaveLength(12);
    expect(events.every((e) => e.kind === 'alert' && e.ts === at('2026-03-11T12:48:38.413Z'))).toBe(true);
    const probe = events.find((e) => e.ref === 'am-54c2f185e49cfccb')!;
    expect(probe.attrs).toMatchObject({
      state: 'suppressed',
      notifications: 2,
      alertname: 'HTTP_Probe_Failed',
    });
  });

  it('reads an API v2 /alerts list and ignores the endsAt that active alerts always carry', async () => {
    const groups = JSON.parse(readFileSync(am('karma__am-0.31.0__api-v2-alerts-groups.json'), 'utf8'));
    const list = groups.flatMap((g: { alerts: unknown[] }) => g.alerts);
    const input = await openText(JSON.stringify(list, null, 2), 'alerts.json');
    expect(alertmanager.detect(input)).toBe(true);
    const { events } = await readWith(alertmanager, input);
    expect(events).toHaveLength(12);
    expect(events.some((e) => e.kind === 'alert_resolved')).toBe(false);
  });

  it('keeps the firing of a resolved old-style group and reports the missing endsAt', async () => {
    const { events, problems } = await readFile(alertmanager, am('prometheus_bot__noGenURL.json'));
    expect(events).toHaveLength(8);
    expect(events.every((e) => e.kind === 'alert')).toBe(true);
    expect(problems).toHaveLength(8);
    expect(problems[0]).toEqual({
      line: 16,
      message: 'alert node_down is resolved but has no endsAt: its resolution time is unknown',
    });
  });

  it('reads one notification per line and tells a later episode of the same alert apart', async () => {
    const alert = { labels: { alertname: 'HighErrorRate', service: 'checkout' }, fingerprint: 'f00d' };
    const episode = (startsAt: string, endsAt: string, status: string) =>
      JSON.stringify({ receiver: 'pager', status, alerts: [{ ...alert, status, startsAt, endsAt }] });
    const text = [
      episode('2026-02-10T12:04:00Z', '0001-01-01T00:00:00Z', 'firing'),
      episode('2026-02-10T12:04:00Z', '0001-01-01T00:00:00Z', 'firing'),
      episode('2026-02-10T12:04:00Z', '2026-02-10T12:20:00Z', 'resolved'),
      episode('2026-02-10T13:00:00Z', '0001-01-01T00:00:00Z', 'firing'),
    ].join('\n');
    const { events, problems } = await readWith(alertmanager, await openText(text, 'am.jsonl'));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.kind, e.ref, e.source.line, e.attrs?.notifications])).toEqual([
      ['alert', 'am-f00d', 1, 3],
      ['alert_resolved', 'am-f00d-resolved', 3, 1],
      ['alert', 'am-f00d-2', 4, 1],
    ]);
    expect(events[0].service).toBe('checkout');
  });

  it('reports alerts that Alertmanager left out of a notification', async () => {
    const text = JSON.stringify({ receiver: 'r', status: 'firing', truncatedAlerts: 3, alerts: [] });
    const { problems } = await readWith(alertmanager, await openText(text));
    expect(problems).toEqual([
      { line: 1, message: 'Alertmanager left 3 alerts out of this notification (max_alerts)' },
    ]);
  });

  it('skips a truncated file and keeps the complete payloads before the cut', async () => {
    const one = readFileSync(am('alertmanager-bot__firing.json'), 'utf8');
    const input = await openText(`[\n${one.trim()},\n${one.slice(0, 200)}`);
    const { events, problems } = await readWith(alertmanager, input);
    expect(events).toHaveLength(1);
    expect(problems).toEqual([{ line: 3, message: 'truncated JSON: the file ends inside this item' }]);
  });

  it('skips an empty file with one problem', async () => {
    const { events, problems } = await readWith(alertmanager, await openText(''));
    expect(events).toEqual([]);
    expect(problems).toEqual([{ line: null, message: 'empty file' }]);
  });

  it('does not claim Grafana webhooks', async () => {
    expect(alertmanager.detect(await open(fixture('grafana', 'zulip__alert-9-resolved.json')))).toBe(false);
  });

  it('reads silences as actions at startsAt, with their matchers and author in attrs', async () => {
    const { events, problems } = await readFile(alertmanager, am('karma__am-0.31.0__api-v2-silences.json'));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.kind, e.ref, e.ts, e.source.line])).toEqual([
      [
        'action',
        'am-silence-810ccf7f-c957-474a-b383-7e76d66a4d3b',
        Date.parse('2026-03-11T12:48:38.409Z'),
        2,
      ],
      [
        'action',
        'am-silence-dcb3b5d0-9f10-4baa-977a-70073a1899bd',
        Date.parse('2026-03-11T12:48:38.411Z'),
        21,
      ],
      [
        'action',
        'am-silence-9bd58938-25fd-41c5-aba3-9bc373074484',
        Date.parse('2026-03-11T12:48:38.412Z'),
        46,
      ],
    ]);
    expect(events[1].summary).toBe(
      'Silenced alerts matching alertname="Host_Down", cluster="dev": Silenced Host_Down alerts in the dev cluster',
    );
    expect(events[1].attrs).toMatchObject({
      alertname: 'Host_Down',
      user: 'john@example.com',
      state: 'active',
    });
  });
});

describe('alertmanager on notifications longer than the sample', () => {
  it('detects a webhook payload cut off by the 64 KiB sample from its opening keys', async () => {
    const payload = JSON.parse(readFileSync(am('calert__mock_payload.json'), 'utf8'));
    payload.alerts = Array.from({ length: 120 }, () => payload.alerts[0]);
    const input = await openText(JSON.stringify(payload, null, 2), 'big.json');
    expect(input.size).toBeGreaterThan(input.sample.length);
    expect(alertmanager.detect(input)).toBe(true);
    const { events } = await readWith(alertmanager, input);
    expect(events.map((e) => [e.ref, e.attrs?.notifications])).toEqual([['am-1a956348d0570965', 120]]);
  });
});
