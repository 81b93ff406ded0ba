import { clock } from '../course.js';
import { changesUnderReview, type Rule } from './rule.js';

export const duringFreeze: Rule = {
  id: 'during-freeze',
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
};
