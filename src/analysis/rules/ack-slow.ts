import { span } from '../course.js';
import type { Rule } from './rule.js';

/** Without a policy, an acknowledgement within 15 minutes is taken as timely. */
export const DEFAULT_ACK_MINUTES = 15;

export const ackSlow: Rule = {
  id: 'ack-slow',
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
};
