import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { openLibrary } from './open.js';
import { storeContract } from './store-contract.js';

storeContract('sqlite', () => openLibrary(':memory:'));

describe('sqlite library file', () => {
  it('creates its folder, and reopening applies no migration twice', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hindsight-lib-')), 'nested', 'library.db');
    await (await openLibrary(path)).close();
    const again = await openLibrary(path);
    expect(await again.migrations()).toEqual([1, 2]);
    await again.close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(2);
    db.close();
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
