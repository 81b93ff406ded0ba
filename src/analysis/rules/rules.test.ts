import { describe, expect, it } from 'vitest';
import { ev } from '../../../test/support/events.js';
import { Manifest } from '../../model/index.js';
import { findMoments } from '../moments.js';
import { approvalsMissing } from './approvals-missing.js';
import { duringFreeze } from './during-freeze.js';
import { outsideChangeWindow } from './outside-change-window.js';
import type { Rule } from './rule.js';

const check = (rule: Rule, change: ReturnType<typeof ev>, policies: object = {}) => {
  const events = [change, ev(5, 'alert', 'errors', ['symptom', 'detect'])];
  const m = { trigger: null, ...findMoments(events) };
  return rule.check({
    events,
    moments: m,
    suspects: [],
    manifest: Manifest.parse({ policies }),
    statements: [],
  });
};

describe('policy rules', () => {
  it('approvals-missing: from the record itself, from policy, and not when enough', () => {
    expect(check(approvalsMissing, ev(0, 'change', 'Deploy (approvals 1/2)'))[0].statement).toBe(
      'CHANGE-0 had 1 approval; policy requires 2.',
    );
    expect(
      check(approvalsMissing, ev(0, 'change', 'Deploy', [], { attrs: { approvals: '1' } }), {
        requiredApprovals: 2,
      }),
    ).toHaveLength(1);
    expect(check(approvalsMissing, ev(0, 'change', 'Deploy (approvals 2/2)'))).toEqual([]);
    expect(check(approvalsMissing, ev(0, 'change', 'Deploy'), { requiredApprovals: 2 })).toEqual([]);
  });

  it("holds only our changes to policy, not a user's own publish", () => {
    expect(check(approvalsMissing, ev(0, 'change', 'A user published a package (approvals 0/2)'))).toEqual(
      [],
    );
  });

  it('outside-change-window: stated by the record, or outside the manifest windows in their zone', () => {
    expect(check(outsideChangeWindow, ev(0, 'change', 'Deploy window=out_of_window'))).toHaveLength(1);
    // 10:00 UTC is 02:00 in Los Angeles: outside Mon-Fri 09:00-17:00 there.
    expect(
      check(outsideChangeWindow, ev(0, 'change', 'Deploy'), {
        changeWindows: ['Mon-Fri 09:00-17:00 America/Los_Angeles'],
      }),
    ).toHaveLength(1);
    expect(
      check(outsideChangeWindow, ev(0, 'change', 'Deploy'), { changeWindows: ['Mon-Fri 09:00-17:00 UTC'] }),
    ).toEqual([]);
  });

  it('during-freeze: only inside the freeze', () => {
    const freezes = [{ from: '2026-02-09T00:00:00Z', to: '2026-02-11T00:00:00Z', reason: 'release freeze' }];
    expect(check(duringFreeze, ev(0, 'change', 'Deploy'), { freezes })[0].statement).toContain(
      'release freeze',
    );
    expect(
      check(duringFreeze, ev(0, 'change', 'Deploy'), {
        freezes: [{ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }],
      }),
    ).toEqual([]);
  });
});
