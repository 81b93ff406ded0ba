import type { ExportableReport } from './follow-up-item.js';

/** A small report as `generate --format json` writes it, for the tracker tests. */
export function sampleReport(
  followUps: ExportableReport['followUps'] = defaultFollowUps(),
): ExportableReport {
  return {
    schemaVersion: 1,
    incident: { id: 'INC-4821', title: 'Checkout 502s after checkout v3.8.0' },
    timeline: [
      {
        ts: '2026-05-19T13:02:11.000Z',
        ref: 'gh-deploy-1987004217',
        summary: 'Deploy checkout v3.8.0 to production',
        source: { file: 'github/webhook-deliveries.jsonl', line: 4 },
        attrs: { html_url: 'https://github.com/acme/checkout/deployments/1987004217' },
      },
      {
        ts: '2026-05-19T13:09:40.000Z',
        ref: 'k8s-2f0f8f94',
        summary: 'OOMKilled checkout-7c9d5f6b8d-x2x9q',
        source: { file: 'k8s/events.json', line: 12 },
      },
    ],
    followUps,
  };
}

function defaultFollowUps(): ExportableReport['followUps'] {
  return [
    {
      id: 'FU-001',
      action: 'Raise the checkout memory limit and find the leak behind the OOM kills.',
      type: 'prevent',
      ownerRole: 'service owner',
      priority: 'high',
      evidenceRefs: ['k8s-2f0f8f94', 'gh-deploy-1987004217'],
    },
    { id: 'FU-002', action: 'Alert on readiness probe failures for checkout.', evidenceRefs: [] },
  ];
}
