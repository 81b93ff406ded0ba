import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { CORPUS_ABSENT, POSTMORTEMS_DIR, postmortemFiles, seedFiles } from '../lint/corpus.js';
import { importFile, importText } from './import.js';

const corpus = postmortemFiles(POSTMORTEMS_DIR);
/** Hand-checked files, copied with their licences into test/fixtures (see PROVENANCE.md there). */
const fixtures = postmortemFiles(fileURLToPath(new URL('../../test/fixtures/postmortems/', import.meta.url)));
const inCorpus = (part: string) => [...fixtures, ...corpus].find((f) => f.includes(part))!;
const seed = (prefix: string) => seedFiles().find((f) => f.includes(`/${prefix}_`))!;

describe('importing the seeds', () => {
  it.each(seedFiles().map((f) => [f.split('/').pop()!, f]))('imports %s without a crash', async (_, file) => {
    const record = await importFile(file);
    expect(record.title.length).toBeGreaterThan(3);
    expect(record.timeline.length).toBeGreaterThan(0);
    expect(record.actionItems.length).toBeGreaterThan(0);
  });

  it('reads seed 004: connection-pool cause, P0, 19 timeline entries and the action table', async () => {
    const record = await importFile(seed('004'));
    expect(record.causeKind).toBe('capacity');
    expect(record.severity).toBe('P0');
    expect(record.timeline).toHaveLength(19);
    expect(record.timeline[0]).toMatchObject({ ts: '2024-01-15T14:00:00.000Z', line: 46 });
    expect(record.actionItems.find((a) => a.action === 'Add config validation to CI')).toMatchObject({
      due: '2024-01-20',
      status: 'in_progress',
    });
  });

  it('repairs the garbled status symbols of seed 002 in what it stores', async () => {
    const record = await importFile(seed('002'));
    expect(record.body).toContain('✗ FAILURE');
    expect(record.body).not.toContain('‚úó');
    expect(record.title).toBe('Deployment Failure Incident - January 29, 2026');
    expect(record.impact.durationSeconds).toBe(120);
  });

  it('reads the PST timeline of seed 001 in UTC and its 20% of users', async () => {
    const record = await importFile(seed('001'));
    expect(record.timeline).toHaveLength(9);
    expect(record.timeline[0].ts.slice(11, 16)).toBe('18:00');
    expect(record.impact.usersAffectedPercent).toBe(20);
  });
});

describe('importing the public postmortems', () => {
  it.skipIf(!corpus.length)(
    corpus.length
      ? `imports all ${corpus.length} files without a crash and recovers timelines and action items`
      : CORPUS_ABSENT,
    async () => {
      let entries = 0;
      let items = 0;
      for (const file of corpus) {
        const record = await importFile(file);
        entries += record.timeline.length;
        items += record.actionItems.length;
      }
      console.info(
        `imported ${corpus.length} postmortems: ${entries} timeline entries, ${items} action items`,
      );
      expect(entries).toBeGreaterThan(500);
      expect(items).toBeGreaterThan(200);
    },
  );

  it('dfds PM2021-005: 7 entries, 3 action items, 8 minutes to detect as stated', async () => {
    const record = await importFile(inCorpus('PM2021-005'));
    expect(record.id).toBe('PM2021-005');
    expect(record.date).toBe('2021-06-22');
    expect(record.timeline).toHaveLength(7);
    expect(record.timeline[0]).toMatchObject({
      ts: '2021-06-22T08:21:00.000Z',
      summary: 'VPC CNI replaced by the pipeline',
    });
    expect(record.actionItems).toHaveLength(3);
    expect(record.actionItems[0].action).toBe(
      'Revert to default of 300 seconds for de-registration delay on the ALBs.',
    );
    expect(record.durations).toMatchObject({ detect: 480, mitigate: 1500 });
  });

  it('dfds PM2019-009: 14 rows (one known only to its day), CET read as UTC+1, 4 action items', async () => {
    const record = await importFile(inCorpus('PM2019-009'));
    expect(record.timeline).toHaveLength(14);
    expect(record.timeline[1].ts).toBe('2019-11-30T07:24:00.000Z');
    expect(record.actionItems).toHaveLength(4);
    expect(record.actionItems[2].action).toBe('Implement priority-classes for critical workloads');
  });

  it('dfds PM2020-002: 4 entries, 3 action items, the expired certificate first', async () => {
    const record = await importFile(inCorpus('PM2020-002'));
    expect(record.timeline.map((e) => e.summary)[0]).toBe('Certificate for KIAM server expires');
    expect(record.timeline).toHaveLength(4);
    expect(record.actionItems.map((a) => a.action)).toEqual([
      'Document the process of creating/updating KIAM certificates',
      'We have added a backlog task to curate for which scenarios we want to receive alerts',
      'Replace KIAM server with "EKS Service IAM Role"',
    ]);
    expect(record.durations.detect).toBe(54 * 60);
  });

  it('Chia website outage: 11 entries from 16:49 UTC, the team’s plan told in prose its one action item', async () => {
    const record = await importFile(inCorpus('2021-05-26-website-outage'));
    expect(record.timeline).toHaveLength(11);
    expect(record.timeline[0]).toMatchObject({
      ts: '2021-05-26T16:49:00.000Z',
      summary: 'Site repo branch Master, was renamed to Main',
    });
    // "Going forward the Chia team is going to rebuild …": planned, the team its owner, no date.
    expect(record.actionItems).toMatchObject([{ line: 37, owner: 'Chia team', due: null, status: null }]);
    expect(record.rootCause).toMatch(/^A bug in the Github CI process/);
  });

  it('Chia mainnet stall: 5 entries, the stall at 7:32 PM PST', async () => {
    const record = await importFile(inCorpus('2024-06-25-blockchain_mainnet-stall'));
    expect(record.timeline).toHaveLength(5);
    expect(record.timeline[0].summary).toBe('The chain stalled at height 4779033.');
    expect(record.timeline[0].ts.slice(11, 16)).toBe('03:32');
  });

  it.skipIf(!corpus.length)(
    corpus.length
      ? 'takes title and id from icco front matter, and no fetch date as incident date'
      : CORPUS_ABSENT,
    async () => {
      const record = await importFile(inCorpus('00b7f759-21f8-4767-8803-f09d863005cd'));
      expect(record.id).toBe('00b7f759-21f8-4767-8803-f09d863005cd');
      expect(record.title).toBe('Amazon SimpleDB US East Region Disruption on June 13');
      expect(record.date).toBeNull();
    },
  );
});

describe('import edge cases', () => {
  it('reads a wiki page exported as HTML', async () => {
    const html =
      '<html><body><h1>Checkout outage</h1><h2>Summary</h2><p>The pool was exhausted for 20 minutes.</p>' +
      '<h2>Timeline</h2><p>All times UTC.</p><table><tr><th>Time</th><th>Event</th></tr><tr><td>2024-03-01 10:00</td><td>Alert fired</td></tr>' +
      '<tr><td>2024-03-01 10:20</td><td>Errors resolved</td></tr></table><h2>Action items</h2><ul><li>Add pool alert (Owner: SRE)</li></ul></body></html>';
    const record = await importText(html, 'wiki.html');
    expect(record.title).toBe('Checkout outage');
    expect(record.timeline.map((e) => e.ts)).toEqual([
      '2024-03-01T10:00:00.000Z',
      '2024-03-01T10:20:00.000Z',
    ]);
    expect(record.actionItems).toMatchObject([{ action: 'Add pool alert (Owner: SRE)', owner: 'SRE' }]);
  });

  it('names an empty file in its error', async () => {
    const empty = join(tmpdir(), `hindsight-empty-${process.pid}.md`);
    writeFileSync(empty, '  \n');
    await expect(importFile(empty)).rejects.toThrow(InputError);
    await expect(importFile(empty)).rejects.toThrow(`${empty}: the file is empty`);
  });

  it('never crashes on text that is mostly garbage', async () => {
    const record = await importText('‚úó\u0001|||\n| a |\n|---|\n**:**\n- [ ]\n1.\n#', 'junk.md');
    expect(record.id).toBe('junk');
  });
});
