import { changeFacts } from '../../timeline/index.js';
import { changesUnderReview, type Rule, refsOf, serviceOf } from './rule.js';

const plural = (n: number) => `${n} approval${n === 1 ? '' : 's'}`;

export const approvalsMissing: Rule = {
  id: 'approvals-missing',
  description: 'A change went out with fewer approvals than its record or the policy requires.',
  kind: 'policy',
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
  followUp(ctx) {
    const refs = refsOf(ctx.findings);
    return [
      {
        action: `Make the required approvals a blocking check of ${serviceOf(ctx, refs)}'s deploy pipeline: ${refs.join(', ')} went out with fewer.`,
        type: 'process',
        ownerRole: 'platform team',
        priority: 'high',
        evidenceRefs: refs,
      },
    ];
  },
  examples: {
    ok: [
      { events: [{ at: 0, kind: 'change', summary: 'Deploy api (approvals 2/2)' }] },
      {
        events: [{ at: 0, kind: 'change', summary: 'Deploy api' }],
        manifest: { policies: { requiredApprovals: 2 } },
      },
    ],
    notOk: [
      {
        events: [
          { at: 0, kind: 'change', summary: 'Deploy api v2 (approvals 1/2)', ref: 'DEP-1' },
          { at: 4, kind: 'alert', summary: 'High error rate on api', signals: ['symptom', 'detect'] },
        ],
        refs: [['DEP-1']],
      },
    ],
  },
};
