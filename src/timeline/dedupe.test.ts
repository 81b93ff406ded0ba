import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../bundle/index.js';
import { buildTimeline } from './build.js';

const here = dirname(fileURLToPath(import.meta.url));
const report = join(
  here,
  '../../test/fixtures/postmortem-collections/ministryofjustice__cloud-platform/2023-06-06-user-services-down.html.md.erb',
);

describe('one moment recorded twice in a document', () => {
  it('is one entry: a milestone field the timeline restates at the same minute ("Incident declared")', async () => {
    const { events } = await buildTimeline(await openBundle([report]));
    const declared = events.filter((e) => e.signals.includes('declare'));
    expect(declared.map((e) => [new Date(e.ts).toISOString(), e.summary])).toEqual([
      ['2023-06-06T11:00:00.000Z', 'Incident declared'],
    ]);
    // Fields that say something the timeline's lines at that minute do not are kept beside them.
    const at1121 = events.filter((e) => e.ts === Date.parse('2023-06-06T11:21:00Z'));
    expect(at1121.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Repaired',
        'Resolved',
        'User reported that the DPS service is back up and running',
      ]),
    );
  });
});
