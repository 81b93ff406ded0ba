import { span } from '../course.js';
import { type Rule, refsOf, serviceOf } from './rule.js';

/** Without a policy, an acknowledgement within 15 minutes is taken as timely. */
export const DEFAULT_ACK_MINUTES = 15;

export const ackSlow: Rule = {
  id: 'ack-slow',
  description: 'The page was acknowledged later than the policy (or 15 min without one) after detection.',
  kind: 'response',
  check(ctx) {
    const { detected, acknowledged } = ctx.moments;
    if (!detected || !acknowledged) return [];
    const limit = ctx.manifest.policies.ackWithinMinutes ?? DEFAULT_ACK_MINUTES;
    const took = acknowledged.ts - detected.ts;
    if (took <= limit * 60_000) return [];
    const source = ctx.manifest.policies.ackWithinMinutes ? 'policy' : 'default expectation';
    return [
      {
        severity: 'medium',
        statement: `Acknowledgement took ${span(took)} after detection; the ${source} is ${limit} min.`,
        evidenceRefs: [detected.ref, acknowledged.ref],
      },
    ];
  },
  followUp(ctx) {
    const refs = refsOf(ctx.findings);
    const limit = ctx.manifest.policies.ackWithinMinutes ?? DEFAULT_ACK_MINUTES;
    return [
      {
        action: `Set up an acknowledgement rota for ${serviceOf(ctx, refs)}: a primary and a secondary on call, with the page escalating to the secondary when it is not acknowledged within ${limit} min.`,
        type: 'process',
        ownerRole: 'on-call lead',
        priority: 'medium',
        evidenceRefs: refs,
      },
    ];
  },
  examples: {
    ok: [
      {
        events: [
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 4, kind: 'ack', summary: 'Acknowledged', signals: ['ack'] },
        ],
        manifest: { policies: { ackWithinMinutes: 5 } },
      },
    ],
    notOk: [
      {
        events: [
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 20, kind: 'ack', summary: 'Acknowledged', signals: ['ack'] },
        ],
        refs: [['ALERT-0', 'ACK-20']],
      },
    ],
  },
};
