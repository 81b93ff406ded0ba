import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
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
    ])
      expect(relieves(text), text).toBe(true);
  });

  it('does not read a plain change, a limit being hit, or an act not done as relief', () => {
    for (const text of [
      'Deploy api v2.4.0',
      'Upgraded Kubernetes from 1.19 to 1.20',
      'We have been hit by some rate limit by AWS',
      'Decided to not patch existing service accounts',
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
