import { changeFacts } from '../../timeline/index.js';
import { changesUnderReview, type Rule } from './rule.js';

const plural = (n: number) => `${n} approval${n === 1 ? '' : 's'}`;

export const approvalsMissing: Rule = {
  id: 'approvals-missing',
  check(ctx) {
    return changesUnderReview(ctx).flatMap((change) => {
      const facts = changeFacts(change.summary, change.attrs);
      if (!facts.approvals) return [];
      const required = facts.approvals.required ?? ctx.manifest.policies.requiredApprovals ?? null;
      if (required == null || facts.approvals.given >= required) return [];
      return [
        {
          severity: 'high' as const,
          statement: `${change.ref} had ${plural(facts.approvals.given)}; policy requires ${required}.`,
          evidenceRefs: [change.ref],
        },
      ];
    });
  },
};
