import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
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

describe('a library file that cannot be used as it is', () => {
  const fresh = (name = 'library.db') => join(mkdtempSync(join(tmpdir(), 'hindsight-lib-')), name);
  const bytesAndTime = (path: string) => ({ bytes: readFileSync(path), mtime: statSync(path).mtimeMs });

  it('refuses a library of a newer schema in one line, and leaves its bytes as they were', async () => {
    const path = fresh();
    const newer = new Database(path);
    newer.exec('CREATE TABLE future (x)');
    newer.pragma('user_version = 9');
    newer.close();
    const before = bytesAndTime(path);
    for (const readonly of [false, true]) {
      const error = await openLibrary(path, { readonly }).catch((e) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.code).toBe('LIBRARY_NEWER');
      expect(error.message).toBe(
        `${path}: the library has schema version 9, newer than this hindsight knows (3); upgrade hindsight to use it (the file is left as it is)`,
      );
    }
    expect(bytesAndTime(path)).toEqual(before);
  });

  it('refuses a library whose migrations table records a newer version', async () => {
    const path = fresh();
    await (await openLibrary(path)).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations VALUES (4, ?, ?)').run('from the future', '2030-01-01');
    db.pragma('user_version = 0');
    db.close();
    await expect(openLibrary(path)).rejects.toMatchObject({ code: 'LIBRARY_NEWER' });
  });

  it('names a folder, or a path under a file, in one line, for reading and writing alike', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hindsight-lib-'));
    const file = join(folder, 'plain.txt');
    writeFileSync(file, 'not a folder');
    for (const path of [folder, join(file, 'library.db')])
      for (const readonly of [false, true]) {
        const error = await openLibrary(path, { readonly }).catch((e) => e);
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toMatch(new RegExp(`^${path}: not a usable library database \\(`));
      }
  });

  it('names a file of random bytes in one line', async () => {
    const path = fresh();
    writeFileSync(path, randomBytes(8192));
    const error = await openLibrary(path).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`^${path}: not a usable library database \\(`));
    expect(error.message).not.toContain('\n');
  });

  it('names a truncated library in one line, whether opening or reading finds the damage', async () => {
    const path = fresh();
    const library = await openLibrary(path);
    for (let i = 0; i < 60; i++)
      await library.save({
        ...recordFromReport(sampleReport()),
        id: `INC-${i}`,
        body: `pool ${'x'.repeat(3000)} ${i}`,
      });
    await library.close();
    truncateSync(path, Math.floor(statSync(path).size / 2));
    const error = await (async () => {
      const damaged = await openLibrary(path);
      try {
        await damaged.list();
        await damaged.search('pool');
      } finally {
        await damaged.close();
      }
    })().catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`^${path}: not a usable library database \\(`));
  });

  it('opens a current library read-only for reading: search works and a write is refused in one line', async () => {
    const path = fresh();
    const writer = await openLibrary(path);
    await writer.save(sampleReport());
    await writer.close();
    chmodSync(path, 0o444);
    const before = bytesAndTime(path);
    const reader = await openLibrary(path, { readonly: true });
    expect((await reader.search('pool')).length).toBeGreaterThan(0);
    expect((await reader.stats()).total).toBe(1);
    // As root a file's mode does not stop writes, so the read-only handle itself is what is checked.
    const error = await reader.putEdit('x', 'y', { a: 1 }).catch((e) => e);
    await reader.close();
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('LIBRARY_READ_ONLY');
    expect(bytesAndTime(path)).toEqual(before);
  });

  it.skipIf(process.getuid?.() === 0)(
    'reads a library in a folder this user may not write (skipped as root, where modes do not bind)',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'hindsight-lib-'));
      const path = join(folder, 'library.db');
      const writer = await openLibrary(path);
      await writer.save(sampleReport());
      await writer.close();
      chmodSync(path, 0o444);
      chmodSync(folder, 0o555);
      try {
        const reader = await openLibrary(path, { readonly: true });
        expect((await reader.search('pool')).length).toBeGreaterThan(0);
        await reader.close();
        await expect(openLibrary(path).then((l) => l.save(sampleReport()))).rejects.toThrow(InputError);
      } finally {
        chmodSync(folder, 0o755);
      }
    },
  );

  it('migrates an older library even when opened for reading', async () => {
    const path = fresh();
    const old = new Database(path);
    old.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const m of MIGRATIONS.slice(0, 2)) {
      old.exec(m.sqlite);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01');
    }
    old.close();
    const reader = await openLibrary(path, { readonly: true });
    expect(await reader.migrations()).toEqual([1, 2, 3]);
    await reader.close();
  });
});
