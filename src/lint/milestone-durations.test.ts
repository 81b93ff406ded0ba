import { describe, expect, it } from 'vitest';
import { milestoneDurations } from './milestone-durations.js';

const read = (markdown: string) =>
  milestoneDurations(markdown.split('\n')).map(({ stated, line, end, starts }) => ({
    name: stated.name,
    line,
    end: end.line,
    starts: starts.map((s) => s.line),
  }));

// ministryofjustice/cloud-platform (MIT), shortened.
const HOUSE =
  '# Incident\n\n- **Key events**\n  - First detected: 2023-09-18 13:42\n  - Repaired: 2023-09-18 17:54\n  - Resolved 2023-09-20 19:18\n\n- **Time to repair**: 4h 12m\n\n- **Time to resolve**: 35h 36m\n\n- **Context**:\n  - 2023-09-19 10:30 Team started validating the fix\n';

describe('duration fields read against their milestones', () => {
  it('pairs "Time to resolve" with the Resolved milestone, and counts from every moment dated before it', () => {
    expect(read(HOUSE)).toEqual([
      { name: 'time to repair', line: 8, end: 5, starts: [4, 5] },
      { name: 'time to resolve', line: 10, end: 6, starts: [4, 5, 6, 13] },
    ]);
  });

  it('reads no field whose moment is not dated as a milestone, and no figure in code', () => {
    expect(
      read(
        '- **Key events**\n  - First detected 2020-08-14 10:43\n  - Resolved 2020-08-14 11:38\n\n- **Time to repair**: 0h 37m\n',
      ),
    ).toEqual([]);
    // The same figure told in prose is read alike.
    expect(read('The time to resolve was 3 hours.\n\n- Resolved 2020-08-14 11:38\n')).toHaveLength(1);
    expect(read('```\n- **Time to resolve**: 3h\n```\n- Resolved 2020-08-14 11:38\n')).toEqual([]);
  });
});
