import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLibrary } from './report-library.js';
import { sampleReport } from './store-contract.js';

describe('withLibrary', () => {
  it('notes in the report which library it used, and whether the report was saved there', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'hindsight-note-')), 'library.db');
    const saved = await withLibrary(sampleReport(), { db });
    expect(saved.report.dataQuality.notes).toContain(
      `Incident library: ${db}; related incidents come from it and this report is saved to it (choose another with --db or $HINDSIGHT_DB; --no-save leaves it unchanged).`,
    );
    const looked = await withLibrary(sampleReport(), { db, save: false });
    expect(looked.report.dataQuality.notes.at(-1)).toMatch(
      /^Incident library: .*; related incidents come from it \(/,
    );
  });

  it('never writes the password of a PostgreSQL library into the report', async () => {
    const { report } = await withLibrary(sampleReport(), {
      db: 'postgres://app:s3cret@127.0.0.1:1/none',
      save: false,
    });
    expect(JSON.stringify(report)).not.toContain('s3cret');
    expect(report.dataQuality.notes.at(-1)).toContain('postgres://app@127.0.0.1:1/none');
  });
});
