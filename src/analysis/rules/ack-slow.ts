import { span } from '../course.js';
import { type Rule, refsOf, serviceOf } from './rule.js';

/** Without a policy, an acknowledgement within 30 minutes of detection is taken as timely (SPEC §3). */
export const DEFAULT_ACK_MINUTES = 30;

/**
 * What tells a team of a problem and waits for an answer: an alert, a page, a failing check, a
 * report. A problem someone noticed at work ("Noticed the queue backing up") was answered by the one who noticed.
 */
const TELLS = new Set(['alert', 'page', 'health', 'metric', 'report']);

export const ackSlow: Rule = {
  id: 'ack-slow',
  description: 'The page was acknowledged later than the policy (or 30 min without one) after detection.',
  kind: 'response',
  check(ctx) {
    const { detected, acknowledged } = ctx.moments;
    if (!detected || !acknowledged || !TELLS.has(detected.kind)) return [];
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
      {
        // Noticed at work: whoever noticed was already answering it.
        events: [
          {
            at: 0,
            kind: 'note',
            summary: 'Noticed the ingress queue backing up',
            signals: ['symptom', 'detect'],
          },
          { at: 45, kind: 'ack', summary: 'Incident call started', signals: ['ack'] },
        ],
      },
    ],
    notOk: [
      {
        events: [
          { at: 0, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
          { at: 40, kind: 'ack', summary: 'Acknowledged', signals: ['ack'] },
        ],
        refs: [['ALERT-0', 'ACK-40']],
      },
    ],
  },
};
