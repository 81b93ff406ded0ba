import { describe, expect, it } from 'vitest';
import type { Event } from '../model/index.js';
import { assignRefs, isSayable, sourceIdOf } from './refs.js';

const T0 = Date.parse('2026-05-19T13:00:00Z');
const event = (min: number, kind: Event['kind'], ref?: string): Event => ({
  ts: T0 + min * 60_000,
  kind,
  signals: [],
  service: 'checkout',
  ref: ref ?? '',
  ownRef: ref !== undefined,
  summary: `${kind} ${min}`,
  details: [],
  attrs: {},
  source: { file: 'x', line: min },
  sources: [{ file: 'x', line: min }],
});

const refsOf = (events: Event[]) => {
  assignRefs(events);
  return events.map((e) => e.ref);
};

describe('assignRefs', () => {
  it("keeps a source's own id where a person can say it", () => {
    for (const ref of ['DEP-7781', 'ALT-CPU-1042-RESOLVED', 'E-101', 'PD-Q1X7', 'CHAT-7781-1'])
      expect(isSayable(ref), ref).toBe(true);
    expect(refsOf([event(0, 'change', 'DEP-7781'), event(1, 'alert', 'ALT-CPU-1042')])).toEqual([
      'DEP-7781',
      'ALT-CPU-1042',
    ]);
  });

  it('shortens uuids, hashes, long numbers and Slack timestamps to the source prefix and a number', () => {
    const events = [
      event(0, 'change', 'gh-deploy-1987000101'),
      event(1, 'health', 'k8s-2f0f8f94-f8c6-be8c-ea44-3e6b47e2b450'),
      event(2, 'alert', 'am-3f8c2a9d1e7b4c60'),
      event(3, 'ack', 'pd-R2QK7ACK4821ZZZ00001'),
      event(4, 'chat', 'slack-inc-checkout-1779196580.071533'),
      event(5, 'health', 'k8s-037815cd-66b3-369f-eae1-08f035e10848'),
      event(6, 'change', 'gh-deploy-1987004217'),
    ];
    expect(refsOf(events)).toEqual(['GH-01', 'K8S-01', 'AM-01', 'PD-01', 'SLACK-01', 'K8S-02', 'GH-02']);
    for (const ref of events.map((e) => e.ref)) expect(isSayable(ref)).toBe(true);
  });

  it("keeps the source's full id in the attributes, where analysis and review still find it", () => {
    const [e] = [event(0, 'health', 'k8s-2f0f8f94-f8c6-be8c-ea44-3e6b47e2b450')];
    assignRefs([e]);
    expect(e.attrs.sourceId).toBe('k8s-2f0f8f94-f8c6-be8c-ea44-3e6b47e2b450');
    expect(sourceIdOf(e)).toBe('k8s-2f0f8f94-f8c6-be8c-ea44-3e6b47e2b450');
    const kept = event(0, 'change', 'DEP-7781');
    assignRefs([kept]);
    expect(kept.attrs.sourceId).toBeUndefined();
    expect(sourceIdOf(kept)).toBe('DEP-7781');
  });

  it("names an alert's resolution after the alert", () => {
    expect(
      refsOf([
        event(0, 'alert', 'am-9b1e4c07d2a35f18'),
        event(1, 'alert', 'am-3f8c2a9d1e7b4c60'),
        event(2, 'alert_resolved', 'am-3f8c2a9d1e7b4c60-resolved'),
      ]),
    ).toEqual(['AM-01', 'AM-02', 'AM-02-RESOLVED']);
  });

  it('gives the same refs on every run, unique even where a short own id looks like a made-up one', () => {
    const make = () => [
      event(0, 'change', 'K8S-01'),
      event(1, 'health', 'k8s-2f0f8f94-f8c6-be8c-ea44-3e6b47e2b450'),
      event(2, 'alert'),
      event(2, 'alert'),
    ];
    const first = refsOf(make());
    expect(first).toEqual(['K8S-01', 'K8S-02', 'ALT-1302', 'ALT-1302-2']);
    expect(refsOf(make())).toEqual(first);
  });
});
