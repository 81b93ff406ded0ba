import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertmanager } from './alertmanager.js';
import { grafana } from './grafana.js';
import { corpus, fixture, open, openText, readFile, readWith } from './test-kit.js';

const docsPayload = corpus('grafana', 'grafana-docs__webhook-notifier__payload.json');

describe('grafana', () => {
  it('reads a firing Grafana 11 notification with its values', async () => {
    const { events, problems } = await readFile(grafana, fixture('grafana', 'zulip__alert_values_v11.json'));
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'alert',
      ref: 'grafana-e6349a25f5ef0e9e',
      ts: Date.parse('2024-03-01T02:09:00Z'),
      summary: 'Memory (copy): High memory usage',
      service: null,
      source: { line: 15 },
    });
    expect(events[0].attrs).toMatchObject({
      alertname: 'Memory (copy)',
      values: { A: 2473545728, B: 0, C: 1, minute: 9 },
      orgId: 1,
    });
  });

  it('reads a resolved Grafana 9 notification as the episode and its end', async () => {
    const { events } = await readFile(grafana, fixture('grafana', 'zulip__alert-9-resolved.json'));
    expect(events.map((e) => [e.kind, e.ref, new Date(e.ts).toISOString()])).toEqual([
      ['alert', 'grafana-d8a21484c9c25a60', '2022-06-17T00:41:00.782Z'],
      ['alert_resolved', 'grafana-d8a21484c9c25a60-resolved', '2022-06-17T00:51:24.067Z'],
    ]);
    expect(events[1].summary).toBe('Test alert resolved: This is a summary field, failure on <no value>');
  });

  it.skipIf(!existsSync(docsPayload))(
    'reads the documentation example (AGPL, kept in ../shared/corpora)',
    async () => {
      const { events } = await readFile(grafana, docsPayload);
      expect(events.map((e) => [e.ref, new Date(e.ts).toISOString()])).toEqual([
        ['grafana-c6eadffa33fcdf37', '2021-10-12T07:51:03.157Z'],
        ['grafana-bc97ff14869b13e3', '2021-10-12T07:56:03.157Z'],
      ]);
    },
  );

  it('skips a legacy notification, which carries no time', async () => {
    const legacy = {
      title: '[Alerting] CPU',
      ruleName: 'CPU',
      ruleId: 1,
      state: 'alerting',
      evalMatches: [],
      orgId: 1,
    };
    const input = await openText(JSON.stringify(legacy));
    expect(grafana.detect(input)).toBe(true);
    const { events, problems } = await readWith(grafana, input);
    expect(events).toEqual([]);
    expect(problems[0].message).toMatch(/legacy Grafana/);
  });

  it('skips a truncated notification without throwing', async () => {
    const text = readFileSync(fixture('grafana', 'zulip__alert_values_v11.json'), 'utf8').slice(0, 500);
    const { events, problems } = await readWith(grafana, await openText(text));
    expect(events).toEqual([]);
    expect(problems).toEqual([{ line: 1, message: 'truncated JSON: the file ends inside this object' }]);
  });

  it('leaves plain Alertmanager notifications to the Alertmanager source', async () => {
    const am = await open(fixture('alertmanager', 'zulip__alert.json'));
    expect(grafana.detect(am)).toBe(false);
    expect(alertmanager.detect(am)).toBe(true);
  });
});
