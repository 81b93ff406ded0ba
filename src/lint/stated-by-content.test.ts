import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse.js';
import { statedByContent } from './stated-by-content.js';

const stated = (markdown: string) => [...statedByContent(parsePostmortem(markdown, 'pm.md'))].sort();

describe('sections stated by content', () => {
  it('reads an untitled lead paragraph as the summary, and its hurt users as the impact', () => {
    expect(
      stated(
        '# Checkout outage\n\nOn Monday the checkout service returned errors for 40 minutes and customers could not pay.\n\n## Timeline\n\n- 10:00 deploy\n',
      ),
    ).toEqual(['impact', 'summary']);
  });

  it('reads a causal sentence outside the timeline as the root cause, and a Stats block as the impact', () => {
    expect(
      stated(
        '# Outage\n\n## Details\n\nA change to the VPC CNI caused target groups to detach.\n\n## Stats\n\n- Time to recovery: 25 minutes\n',
      ),
    ).toEqual(['impact', 'rootCause']);
  });

  it('does not take a short lead, a cause told only in the timeline, or effects far from the top', () => {
    expect(
      stated(
        '# Outage\n\nSee below.\n\n## Timeline\n\n- 10:00 the deploy caused errors\n\n## Notes\n\nCustomers could not pay.\n',
      ),
    ).toEqual([]);
  });
});
