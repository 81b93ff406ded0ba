import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedFiles } from '../lint/corpus.js';
import { importFile } from './import.js';
import { openLibrary, saveToLibrary } from './open.js';
import { relatedAppendixMarkdown, relatedForReport } from './related-appendix.js';
import { sampleReport } from './store-contract.js';

describe('related incidents for a report appendix', () => {
  it('finds seed 004 for a new connection-pool report, and writes why in the appendix', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'hindsight-appendix-')), 'library.db');
    const store = await openLibrary(db);
    for (const file of seedFiles()) await store.save(await importFile(file));
    await store.close();
    const related = await relatedForReport(sampleReport(), { db });
    const byId = new Map(related.map((r) => [r.id, r]));
    expect(byId.get('INC-1042')?.reasons).toContain('same service: api-gateway');
    expect(byId.get('004-afdeac6cc0549373')?.reasons).toEqual(
      expect.arrayContaining(['same kind of cause: capacity']),
    );
    const markdown = relatedAppendixMarkdown(related);
    expect(markdown).toMatch(/^## Related incidents\n\n- \*\*/);
    expect(markdown).toMatch(/- \*\*004-afdeac6cc0549373\*\* .*similar text: .*'pool'/);
  });

  it('returns nothing, and creates no file, when the library does not exist yet', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'hindsight-appendix-')), 'missing.db');
    expect(await relatedForReport(sampleReport(), { db })).toEqual([]);
    expect(relatedAppendixMarkdown([])).toContain('No related incidents');
  });
});

describe('saving a generated report to the library', () => {
  it('stores the report as a generated record that search then finds', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'hindsight-save-')), 'library.db');
    const saved = await saveToLibrary(sampleReport(), { db });
    expect(saved.origin).toBe('generated');
    const store = await openLibrary(db);
    expect((await store.search('maxPoolSize')).map((r) => r.id)).toEqual(['INC-2001']);
    await store.close();
  });
});
