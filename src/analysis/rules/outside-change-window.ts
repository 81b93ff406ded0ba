import { changeFacts } from '../../timeline/index.js';
import { clock } from '../course.js';
import { parseChangeWindow } from './change-window.js';
import { changesUnderReview, type Rule } from './rule.js';

export const outsideChangeWindow: Rule = {
  id: 'outside-change-window',
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
};
