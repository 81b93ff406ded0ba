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

// Alexm-picard/the-bullpen: action rows that name the gaps a findings table above them keys.
describe("the document's own keys", () => {
  const GAPS =
    '## Machinery gaps\n\n| # | Sev | Gap |\n| --- | --- | --- |\n| INC-1 | High | No champion rollback. |\n| INC-4 | Med | The calibrator is not hashed. |\n\n';
  const scheduled = (markdown: string) =>
    listedActionItems(parsePostmortem(markdown, 'pm.md')).map((i) => i.scheduled);

  it('reads a key the document gives its own finding as no tracker', () => {
    expect(
      scheduled(
        `${GAPS}## Action items\n\n| Item | Owner | Status |\n| --- | --- | --- |\n| INC-4 hash the calibrator under rule 7 | registry track | proposed |\n| Clean recovery: (INC-1) demote v1, then re-promote | developer | unblocked |\n`,
      ),
    ).toEqual([false, false]);
  });

  it('keeps a key the document does not define, or one only the action table lists, as a tracker', () => {
    expect(
      scheduled(
        `${GAPS}## Action items\n\n| Item | Owner | Status |\n| --- | --- | --- |\n| OPS-12 hash the calibrator | registry track | proposed |\n| Add an alert (OPS-13) | sre | open |\n`,
      ),
    ).toEqual([true, true]);
    expect(
      scheduled(
        '## Action items\n\n| Item | Owner |\n| --- | --- |\n| OPS-12 | Add an alert |\n| OPS-13 | Add a runbook |\n',
      ),
    ).toEqual([true, true]);
  });
});
