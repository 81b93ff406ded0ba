import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { recordFromReport } from './from-report.js';
import { MIGRATIONS } from './migrations.js';
import { openLibrary } from './open.js';
import { sampleReport, storeContract } from './store-contract.js';

storeContract('sqlite', () => openLibrary(':memory:'));

describe('sqlite library file', () => {
  it('creates its folder, and reopening applies no migration twice', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hindsight-lib-')), 'nested', 'library.db');
    await (await openLibrary(path)).close();
    const again = await openLibrary(path);
    expect(await again.migrations()).toEqual([1, 2, 3]);
    await again.close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(3);
    db.close();
  });

  it('upgrades a library made before reports were kept: its rows read as before, with no report', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hindsight-lib-')), 'library.db');
    const old = new Database(path);
    old.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const m of MIGRATIONS.slice(0, 2)) {
      old.exec(m.sqlite);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01');
    }
    const record = recordFromReport(sampleReport());
    old
      .prepare(
        `INSERT INTO incidents (id, origin, title, date, severity, services, cause_kind, record, saved_at)
       VALUES (?, 'generated', ?, ?, ?, '[]', NULL, ?, '2026-01-01')`,
      )
      .run(record.id, record.title, record.date, record.severity, JSON.stringify(record));
    old.close();
    const library = await openLibrary(path);
    expect(await library.migrations()).toEqual([1, 2, 3]);
    expect(await library.get(record.id)).toEqual(record);
    expect(await library.report(record.id)).toBeNull();
    await library.save(sampleReport());
    expect((await library.report(record.id))?.incident.id).toBe(record.id);
    await library.close();
  });

  it('names the file when it is not a database', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hindsight-lib-')), 'notes.db');
    (await import('node:fs')).writeFileSync(
      path,
      'this is not sqlite, just text that is long enough to have a header',
    );
    await expect(openLibrary(path)).rejects.toThrow(InputError);
    await expect(openLibrary(path)).rejects.toThrow(`${path}: not a usable library database`);
  });
});
