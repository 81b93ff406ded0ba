import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { FIXTURE_POSTMORTEMS_DIR, postmortemFiles, seedFiles } from '../../lint/corpus.js';
import { runImport } from './import.js';
import { runRelated } from './related.js';
import { runSearch } from './search.js';
import { runStats } from './stats.js';

const db = join(mkdtempSync(join(tmpdir(), 'hindsight-cli-')), 'library.db');
const dfds = postmortemFiles(FIXTURE_POSTMORTEMS_DIR).filter((f) => f.includes('dfds__'));

describe('hindsight import, search, related and stats on one library file', () => {
  it('imports the seeds and the dfds postmortems, one line each', async () => {
    const text = await runImport([...seedFiles(), ...dfds], { db });
    expect(text).toContain(
      '004-afdeac6cc0549373  Postmortem Template - Unified Reporting System  (2024-01-15; 19 timeline entries, 20 action items)',
    );
    expect(text).toMatch(new RegExp(`imported ${seedFiles().length + dfds.length} postmortems\\n$`));
  });

  it("finds seed 004 first for 'connection pool', with a snippet, as { results } JSON", async () => {
    const { results } = JSON.parse(await runSearch('connection pool', { db, json: true }));
    expect(results[0]).toMatchObject({
      id: '004-afdeac6cc0549373',
      title: expect.any(String),
      score: expect.any(Number),
      snippet: expect.stringMatching(/\[(connection|pool)\]/i),
    });
    expect(results.map((r: { score: number }) => r.score)).toEqual(
      [...results.map((r: { score: number }) => r.score)].sort((a, b) => b - a),
    );
  });

  it('applies --service and --since filters', async () => {
    const text = await runSearch('kubernetes', { db, since: '2024-01-01' });
    expect(text).toContain('PM2024-001');
    expect(text).not.toContain('PM2019-009');
    expect(await runSearch('pool', { db, service: 'no-such-service' })).toBe("no incident matches 'pool'\n");
  });

  it('lists related incidents with the reason for each', async () => {
    const text = await runRelated('PM2021-006', { db });
    expect(text).toMatch(/PM2021-00[57].*\n\s+.*(similar text|same kind of cause)/);
    await expect(runRelated('nope', { db })).rejects.toThrow(InputError);
  });

  it('prints statistics per service and month, and overdue follow-ups', async () => {
    const text = await runStats({ db, today: '2024-02-01' });
    expect(text).toMatch(/^\d+ incidents/);
    expect(text).toContain('per month');
    expect(text).toContain('2024-01-20  004-afdeac6cc0549373  Add config validation to CI ([Name])');
    const json = JSON.parse(await runStats({ db, json: true }));
    expect(json.byMonth.find((m: { month: string }) => m.month === '2021-06').count).toBe(2);
  });
});

describe('hindsight import of a folder', () => {
  it('imports every postmortem file under a folder, skipping templates, README, LICENSE and PROVENANCE', async () => {
    const folder = fileURLToPath(new URL('../../../test/fixtures/postmortems/', import.meta.url));
    const other = join(mkdtempSync(join(tmpdir(), 'hindsight-cli-')), 'library.db');
    const { imported } = JSON.parse(await runImport([folder], { db: other, json: true }));
    expect(imported.map((r: { id: string }) => r.id)).toEqual([
      '2021-05-26-website-outage',
      '2024-06-25-blockchain-mainnet-stall',
      'PM2019-009',
      'PM2020-002',
      'PM2021-005',
    ]);
  });

  it('names a path that does not exist', async () => {
    await expect(runImport(['/nonexistent/folder'])).rejects.toThrow(
      '/nonexistent/folder: no such file or folder',
    );
  });
});
