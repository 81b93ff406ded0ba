import type { Signature } from './mechanism-evidence.js';
import { mechanismFinding, mechanismFollowUps } from './mechanism-rule.js';
import type { Rule } from './rule.js';

/**
 * A dependency that failed its callers: proxy and socket errors, an open circuit breaker, DNS
 * failures, and a dependency said to be down. The words between are bounded.
 */
export const FAILING_DEPENDENCY: Signature = {
  words:
    /\bupstream connect error\b|\bno healthy upstream\b|\bupstream (?:request )?timeout\b|\bconnection refused\b|\beconn(?:refused|reset)\b|\betimedout\b|\bcircuit[- ]?breaker (?:is )?(?:open\w{0,2}|tripped)\b|\bdns (?:resolution |lookup )?fail\w{0,4}\b|\b(?:dependency|downstream|upstream|third[- ]party|provider|vendor)\b[^.;?]{0,40}?\b(?:is down|went down|failing|failed|unavailable|outage|timing out|timed out)\b/i,
};

export const failingDependency: Rule = {
  id: 'failing-dependency',
  description:
    'A dependency failed its callers: refused or timed-out connections, an open circuit breaker, an upstream down.',
  kind: 'mechanism',
  check(ctx) {
    return mechanismFinding(
      ctx,
      FAILING_DEPENDENCY,
      (service, cited) => `A dependency of ${service} failed its calls (${cited}).`,
    );
  },
  followUp(ctx) {
    return mechanismFollowUps(ctx, FAILING_DEPENDENCY, {
      type: 'mitigate',
      fix: (service) =>
        `Protect ${service} from its failing dependency: set timeouts and a retry budget on the calls, and add a circuit breaker or a fallback.`,
      alert: (service) =>
        `Alert on failed calls from ${service} to its dependencies: no alert in the evidence caught them.`,
    });
  },
  examples: {
    ok: [
      {
        events: [
          {
            at: 0,
            kind: 'health',
            summary: 'Readiness probe failed: context deadline exceeded',
            signals: ['symptom', 'detect'],
          },
          { at: 4, kind: 'chat', summary: 'is the upstream down?', service: null },
          { at: 20, kind: 'alert_resolved', summary: 'api healthy', signals: ['recovery'] },
        ],
      },
    ],
    notOk: [
      {
        events: [
          {
            at: 0,
            kind: 'log',
            summary: 'New error log template in api: "dial tcp <*>:5432: connect: connection refused"',
            signals: ['symptom'],
          },
          { at: 2, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 5, kind: 'report', summary: 'the payments provider is down for everyone', service: null },
          { at: 20, kind: 'alert_resolved', summary: 'High error rate resolved', signals: ['recovery'] },
        ],
        refs: [['LOG-0', 'REPORT-5']],
      },
    ],
  },
};
