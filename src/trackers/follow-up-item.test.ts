import { describe, expect, it } from 'vitest';
import { ExportableReport, shorten, trackerItems } from './follow-up-item.js';
import { sampleReport } from './report-sample.js';

describe('trackerItems', () => {
  it('carries type, owner role and priority when the report has them', () => {
    const [first] = trackerItems(sampleReport());
    expect(first).toMatchObject({ type: 'prevent', ownerRole: 'service owner', priority: 'high' });
  });

  it('reads a follow-up without type, owner role or priority', () => {
    const report = ExportableReport.parse({
      ...sampleReport(),
      followUps: [{ id: 'FU-9', action: 'Add a canary.', evidenceRefs: [] }],
    });
    expect(trackerItems(report)[0]).toMatchObject({ type: null, ownerRole: null, priority: null });
  });

  it('looks each evidence ref up in the timeline, with its file, line and link', () => {
    const [first] = trackerItems(sampleReport());
    expect(first!.evidence).toEqual([
      {
        ref: 'k8s-2f0f8f94',
        ts: '2026-05-19T13:09:40.000Z',
        summary: 'OOMKilled checkout-7c9d5f6b8d-x2x9q',
        source: 'k8s/events.json:12',
        url: null,
      },
      expect.objectContaining({ url: 'https://github.com/acme/checkout/deployments/1987004217' }),
    ]);
  });

  it('gives each follow-up a stable marker from the incident id and its own id', () => {
    const items = trackerItems(sampleReport());
    expect(items.map((i) => i.marker)).toEqual(['hindsight:INC-4821:FU-001', 'hindsight:INC-4821:FU-002']);
    expect(trackerItems(sampleReport())).toEqual(items);
  });

  it('keeps only safe characters of an id in the marker, so it can sit inside a JQL or GraphQL string', () => {
    const report = { ...sampleReport(), incident: { id: null, title: 'Checkout "502s" \\ at night' } };
    expect(trackerItems(report)[0]!.marker).toBe('hindsight:Checkout-502s-at-night:FU-001');
  });

  it('cuts a long title at a word', () => {
    const cut = shorten('alpha beta gamma delta epsilon zeta eta theta iota kappa', 30);
    expect(cut).toBe('alpha beta gamma delta…');
    expect(cut.length).toBeLessThanOrEqual(30);
  });
});
