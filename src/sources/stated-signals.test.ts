import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../model/index.js';
import { classify } from '../timeline/index.js';
import { alertmanager } from './alertmanager.js';
import { opsgenie } from './opsgenie.js';
import { pagerduty } from './pagerduty.js';
import { fixture, openText, readFile, readWith } from './test-kit.js';

const meaning = (events: RawEvent[]) =>
  events.map((e) => [e.attrs?.step ?? e.kind, classify(e).kind, classify(e).signals]);

describe('signals a format states', () => {
  it('PagerDuty log entries carry what each step means, and a note keeps its text reading', async () => {
    const { events } = await readFile(pagerduty, fixture('pagerduty', 'rest__log_entries.json'));
    expect(Object.fromEntries(events.map((e) => [e.attrs?.step, classify(e).signals]))).toMatchObject({
      trigger: ['symptom', 'detect'],
      notify: ['detect'],
      acknowledge: ['ack'],
      escalate: [],
      resolve: ['recovery'],
    });
    expect(events.find((e) => e.attrs?.step === 'annotate')?.signals).toBeUndefined();
  });

  it('a PagerDuty acknowledgement that timed out is not an acknowledgement', async () => {
    const log = JSON.parse(readFileSync(fixture('pagerduty', 'rest__log_entries.json'), 'utf8'));
    const ack = log.log_entries.find((e: { type: string }) => e.type === 'acknowledge_log_entry');
    const timedOut = {
      log_entries: [{ ...ack, type: 'unacknowledge_log_entry', summary: 'Unacknowledged' }],
    };
    const { events } = await readWith(pagerduty, await openText(JSON.stringify(timedOut), 'pd.json'));
    expect(meaning(events)).toEqual([['unacknowledge', 'note', []]]);
  });

  it('PagerDuty webhooks for trigger, acknowledgement and resolution state their signals', async () => {
    const names = ['zulip__triggered_v3.json', 'zulip__acknowledged_v3.json', 'zulip__resolved_v3.json'];
    const got = [];
    for (const name of names)
      got.push(...meaning((await readFile(pagerduty, fixture('pagerduty', name))).events));
    expect(got).toEqual([
      ['trigger', 'page', ['symptom', 'detect']],
      ['acknowledge', 'ack', ['ack']],
      ['resolve', 'alert_resolved', ['recovery']],
    ]);
  });

  it('an Alertmanager resolution is a recovery and its firing a detection, whatever the annotations say', async () => {
    const firing = await readFile(alertmanager, fixture('alertmanager', 'alertmanager-bot__firing.json'));
    const resolved = await readFile(alertmanager, fixture('alertmanager', 'alertmanager-bot__resolved.json'));
    expect(new Set(firing.events.map((e) => classify(e).signals.join()))).toEqual(
      new Set(['symptom,detect']),
    );
    const ends = resolved.events.filter((e) => e.kind === 'alert_resolved');
    expect(ends.length).toBeGreaterThan(0);
    for (const e of ends) expect(classify(e).signals).toEqual(['recovery']);
  });

  it('Opsgenie creation, acknowledgement and close state detection, acknowledgement and recovery', async () => {
    const kinds = new Map<string, string[]>();
    for (const name of ['zulip__create.json', 'zulip__acknowledge.json', 'zulip__close.json'])
      for (const e of (await readFile(opsgenie, fixture('opsgenie', name))).events)
        kinds.set(e.kind!, classify(e).signals);
    expect(kinds.get('alert')).toEqual(['symptom', 'detect']);
    expect(kinds.get('ack')).toEqual(['ack']);
    expect(kinds.get('alert_resolved')).toEqual(['recovery']);
  });

  it('stated signals stand and the text fills in only the kind the source left out', () => {
    const raw: RawEvent = {
      ts: 0,
      summary: 'Rolled back checkout to v1.4.2',
      signals: ['ack'],
      source: { file: 'x', line: 1 },
    };
    expect(classify(raw)).toEqual({ kind: 'rollback', signals: ['ack'] });
    expect(classify({ ...raw, signals: undefined }).signals).toEqual(['mitigation']);
  });
});
