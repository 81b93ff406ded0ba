import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { Manifest } from '../model/index.js';
import { analyze } from './analyze.js';
import { markResponses, relieves } from './responses.js';

describe('relieves', () => {
  it('reads what a change does: undo, fall back, shed load, switch off, scale, fix, restart', () => {
    for (const text of [
      'Fix committed to revert infrastructure-modules reference',
      'Feature flag checkout-v2 switched from primary to backup',
      'Failed over to the secondary region',
      'Load-balanced all traffic to eu-west so us-east can scale',
      'Cordoned and force drained the NotReady node',
      'Turned off the recommendations widget',
      'Deploy IP-based rate limiting to /flags endpoint',
      'Scaled out the consumers to 24 replicas',
      'Increased the connection pool size to 200',
      'Hotfix deployed for the null pointer',
      'Pipeline re-triggered due to AWS API timeout',
      'Scaling down cluster by 2 nodes (to 8) to free up IP addresses',
      'Terminated the unhealthy EC2 instance',
      'Revoked the leaked npm tokens',
      'Version 1.6.1 was released with fixes for the recursion',
    ])
      expect(relieves(text), text).toBe(true);
  });

  it('does not read a plain change, a limit being hit, or an act not done as relief', () => {
    for (const text of [
      'Deploy api v2.4.0',
      'Upgraded Kubernetes from 1.19 to 1.20',
      'We have been hit by some rate limit by AWS',
      'Decided to not patch existing service accounts to avoid breaking capabilities',
      'Chia team has established what their patching plan should be',
      'We will roll back the release tomorrow',
    ])
      expect(relieves(text), text).toBe(false);
  });
});

describe('markResponses', () => {
  it('marks relieving changes made after impact began, never those before it', () => {
    const start = ev(0, 'alert', 'errors', ['symptom']);
    const before = ev(-5, 'change', 'Restarted the api pods', []);
    const after = ev(5, 'change', 'Restarted the api pods', []);
    const [b, , a] = markResponses([before, start, after], start);
    expect(b.signals).toEqual([]);
    expect(a.signals).toEqual(['mitigation']);
  });
});

describe('analyze with no symptom recorded', () => {
  it('takes a relieving change after detection as the start of mitigation', () => {
    const events = [
      ev(0, 'report', 'A researcher submitted a bug report', ['detect']),
      ev(60 * 24 * 20, 'change', 'Version 1.6.1 was released with fixes for the recursion', [], {
        ref: 'REL',
      }),
    ];
    expect(analyze(events, Manifest.parse({})).moments.mitigationStarted?.ref).toBe('REL');
  });
});
