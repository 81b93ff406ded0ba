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
      "Blocked the attacker's IP addresses at the load balancer",
      'Blocking all incoming traffic from the abusive client',
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
      'Teams begin digging deeper into information about the block chain state',
      'The soft fork at block height 3630000 went into effect',
      'A blocking change in the infrastructure pipeline held the release',
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

describe('analyze reading what responders did', () => {
  it('does not start mitigation at a look into the state of a block chain', () => {
    const events = [
      ev(0, 'alert', 'Mempool alarms fire', ['symptom', 'detect']),
      ev(5, 'action', 'Teams begin digging deeper into information about the block chain state', [], {
        ref: 'LOOK',
      }),
      ev(960, 'action', 'Engineers begin work on optimizations to the node', ['mitigation'], { ref: 'WORK' }),
    ];
    expect(analyze(events, Manifest.parse({})).moments.mitigationStarted?.ref).toBe('WORK');
  });
});
