import { changeFacts } from '../../timeline/index.js';
import { clock } from '../course.js';
import { parseChangeWindow } from './change-window.js';
import { changesUnderReview, type Rule, refsOf, serviceOf } from './rule.js';

export const outsideChangeWindow: Rule = {
  id: 'outside-change-window',
  description: 'A change was made outside the change windows the manifest sets, or its record says so.',
  kind: 'policy',
  check(ctx) {
    const specs = ctx.manifest.policies.changeWindows ?? [];
    const windows = specs.map(parseChangeWindow).filter((w) => w !== null);
    return changesUnderReview(ctx).flatMap((change) => {
      const stated = changeFacts(change.summary, change.attrs).window;
      if (stated === 'out_of_window') {
        return [
          {
            severity: 'high' as const,
            statement: `${change.ref} was made outside the change window (the change record says so).`,
            evidenceRefs: [change.ref],
          },
        ];
      }
      if (stated === 'in_window' || !windows.length || windows.some((inside) => inside(change.ts))) return [];
      return [
        {
          severity: 'high' as const,
          statement: `${change.ref} was made at ${clock(change.ts)}, outside the change windows (${specs.join('; ')}).`,
          evidenceRefs: [change.ref],
        },
      ];
    });
  },
  followUp(ctx) {
    const refs = refsOf(ctx.findings);
    const windows = ctx.manifest.policies.changeWindows ?? [];
    return [
      {
        action: `Check the change window in ${serviceOf(ctx, refs)}'s deploy pipeline${windows.length ? ` (${windows.join('; ')})` : ''}: block production deploys outside it unless an audited override is given (${refs.join(', ')}).`,
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
        manifest: { policies: { changeWindows: ['Mon-Fri 09:00-17:00 UTC'] } },
      },
    ],
    notOk: [
      {
        events: [{ at: 0, kind: 'change', summary: 'Deploy api window=out_of_window', ref: 'DEP-1' }],
        refs: [['DEP-1']],
      },
      {
        // 10:00 UTC is 02:00 in Los Angeles.
        events: [{ at: 0, kind: 'change', summary: 'Deploy api', ref: 'DEP-1' }],
        manifest: { policies: { changeWindows: ['Mon-Fri 09:00-17:00 America/Los_Angeles'] } },
        refs: [['DEP-1']],
      },
    ],
  },
};
