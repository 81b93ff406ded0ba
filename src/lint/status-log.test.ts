import { describe, expect, it } from 'vitest';
import { listedActionItems } from './action-items.js';
import { parsePostmortem } from './parse.js';
import { labelOf } from './status-log.js';

const statuses = (markdown: string) =>
  listedActionItems(parsePostmortem(markdown, 'pm.md')).map((i) => [i.line, i.status]);

// Memphis-Chains/memphis: a plan of labelled items, then the implementation log of the same session.
const PLAN =
  '## Action items\n\n- [ ] **A1. Move the halt audit out of `chains/`.** Owner: operator.\n- [ ] **A2. Add `MEMPHIS_CHAINS_ALLOWLIST` config** listing the real chains.\n- [ ] **A3. Verify `RestartPreventExitStatus` actually stops restarts.**\n- [ ] **B1. Periodic chain integrity scan at runtime**\n';

describe('items a later status log reports done', () => {
  it('reads the labels items open with, not a list number or a word', () => {
    expect(
      ['A2. Add config', 'INC-4 hash the calibrator', 'B1) Scan', '1. Add alert', 'Add alert'].map(labelOf),
    ).toEqual(['A2', 'INC-4', 'B1', null, null]);
  });

  it('reads an item done when a table after it reports its label done or verified', () => {
    expect(
      statuses(
        `${PLAN}\n## Implementation log\n\n| Action | Status | Verification |\n|---|---|---|\n| **A1.** Halt audit moved | **Done** | 4 events written |\n| **A2.** \`MEMPHIS_CHAINS_ALLOWLIST\` + default allowlist | **Done** | stray dir skipped |\n| **A3.** Verify the directive | **Verified** | controlled test |\n| **B1.** Runtime scan | Deferred | not coded |\n`,
      ),
    ).toEqual([
      [3, 'done'],
      [4, 'done'],
      [5, 'done'],
      [6, 'open'],
    ]);
  });

  it('leaves the items open when the log comes first, names no status, or a label opens two items', () => {
    const log = '| Action | Status |\n|---|---|\n| **A2.** allowlist | Done |\n';
    expect(statuses(`## Earlier log\n\n${log}\n${PLAN}`).map(([, s]) => s)).toEqual([
      'open',
      'open',
      'open',
      'open',
    ]);
    expect(
      statuses(`${PLAN}\n## Log\n\n| Action | Notes |\n|---|---|\n| **A2.** allowlist | Done |\n`).map(
        ([, s]) => s,
      ),
    ).toEqual(['open', 'open', 'open', 'open']);
    expect(
      statuses(
        '## Action items\n\n- [ ] **P1 Add an alert**\n- [ ] **P1 Add a runbook**\n\n## Log\n\n| Item | Status |\n|---|---|\n| P1 alert | Done |\n',
      ).map(([, s]) => s),
    ).toEqual(['open', 'open']);
  });
});
