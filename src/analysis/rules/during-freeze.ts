import { clock } from '../course.js';
import { changesUnderReview, type Rule, refsOf, serviceOf } from './rule.js';

export const duringFreeze: Rule = {
  id: 'during-freeze',
  description: 'A change was made during a change freeze the manifest sets.',
  kind: 'policy',
  check(ctx) {
    const freezes = (ctx.manifest.policies.freezes ?? []).map((f) => ({
      ...f,
      start: Date.parse(f.from),
      end: Date.parse(f.to),
    }));
    return changesUnderReview(ctx).flatMap((change) => {
      const freeze = freezes.find((f) => change.ts >= f.start && change.ts < f.end);
      if (!freeze) return [];
      return [
        {
          severity: 'high' as const,
          statement: `${change.ref} was made at ${clock(change.ts)} during a change freeze (${freeze.reason ?? 'freeze'}, ${freeze.from} – ${freeze.to}).`,
          evidenceRefs: [change.ref],
        },
      ];
    });
  },
  followUp(ctx) {
    const refs = refsOf(ctx.findings);
    const reasons = [
      ...new Set((ctx.manifest.policies.freezes ?? []).map((f) => f.reason).filter((r) => !!r)),
    ];
    return [
      {
        action: `Check freezes in ${serviceOf(ctx, refs)}'s deploy pipeline${reasons.length ? ` (${reasons.join('; ')})` : ''}: block production deploys during a freeze unless an audited override is given (${refs.join(', ')}).`,
        type: 'process',
        ownerRole: 'platform team',
        priority: 'high',
        evidenceRefs: refs,
      },
    ];
  },
  examples: {
    ok: [
      {
        events: [{ at: 0, kind: 'change', summary: 'Deploy api' }],
        manifest: { policies: { freezes: [{ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }] } },
      },
    ],
    notOk: [
      {
        events: [{ at: 0, kind: 'change', summary: 'Deploy api', ref: 'DEP-1' }],
        manifest: {
          policies: {
            freezes: [{ from: '2026-02-09T00:00:00Z', to: '2026-02-11T00:00:00Z', reason: 'release freeze' }],
          },
        },
        refs: [['DEP-1']],
      },
    ],
  },
};
