import { describe, expect, it } from 'vitest';
import { listedActionItems } from './action-items.js';
import { parsePostmortem } from './parse.js';
import { reflects } from './reflection.js';

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
