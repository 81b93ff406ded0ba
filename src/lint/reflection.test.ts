import { describe, expect, it } from 'vitest';
import { listedActionItems } from './action-items.js';
import { parsePostmortem } from './parse.js';
import { answersItself, reflects } from './reflection.js';

describe('reflects', () => {
  it('reads what might have been, told as the subject of "was", as a reflection (jenkins-infra/documentation, MIT)', () => {
    expect(
      reflects(
        'The only thing we could have done to mitigate the incident was to update the DNS record to by pass Fastly. Considering the duration, it was better to wait.',
      ),
    ).toBe(true);
    expect(reflects('What we should have done is roll back first.')).toBe(true);
  });
  it('keeps planned work that mentions what might have been', () => {
    expect(reflects('Add a check that would have caught this before the release')).toBe(false);
    expect(reflects('We could have caught this with an alert')).toBe(false);
    expect(reflects('The alert we could have used was missing, and will be added')).toBe(false);
    expect(reflects('The only fix is to update the DNS record')).toBe(false);
  });
  it('drops the reflection from the list of items, not the item beside it', () => {
    const doc = parsePostmortem(
      '## Proposal Improvements\n\n### Short term\n\n* The only thing we could have done to mitigate the incident was to bypass the CDN.\n* Improve the status page update:\n  * Add a CI process before Netlify\n',
      'pm.md',
    );
    expect(listedActionItems(doc).map((i) => i.line)).toEqual([6]);
  });
});

describe('answersItself', () => {
  it('reads a yes-or-no question answered in place as looking back, not planned work (Memphis-Chains/memphis)', () => {
    for (const text of [
      'Should memphis chain rebuild --chain halt have been attempted before archiving? No — rebuild recomputes prev_hash/hash for existing valid blocks.',
      'Should memphis doctor --fix have caught this automatically? In principle yes — but doctor itself loads through the same chain-adapter at startup.',
      'Should the operator playbook for "exit 102 from boot" now be "check chains/*/ for unknown dirs"? Yes — add to docs/runbooks/SYSTEMD_EXIT_CODES.md under exit 102.',
    ])
      expect(answersItself(text), text).toBe(true);
  });
  it('keeps a question left open, or one not put for a yes or no', () => {
    for (const text of [
      'Recycle nodes older than a week?',
      'Should we recycle nodes older than a week?',
      'Should we recycle nodes older than a week? Nobody has decided yet.',
      'Why did the alert not fire? No one has looked yet, investigate.',
      'Add an alert. No — really, add it.',
    ])
      expect(answersItself(text), text).toBe(false);
  });
  it('drops the answered questions from the list of items, not the items beside them', () => {
    const doc = parsePostmortem(
      '## Follow-ups\n\n- **Should the rebuild have been attempted before archiving?** No — the blocks were missing the fields.\n- **Should the playbook change?** Yes — add the check to the runbook.\n- Add a pre-flight check for unknown directories\n',
      'pm.md',
    );
    expect(listedActionItems(doc).map((i) => i.line)).toEqual([5]);
  });
});
