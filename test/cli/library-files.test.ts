import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hindsight-library-files-'));
const hindsight = (...args: string[]) =>
  spawnSync('node', [join(root, 'bin/hindsight.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('library files the CLI cannot use as they are', () => {
  it('refuses a newer library in one line with exit status 2, for reading and writing alike', () => {
    const db = join(dir, 'newer.db');
    const newer = new Database(db);
    newer.pragma('user_version = 7');
    newer.close();
    const bytes = readFileSync(db);
    for (const args of [['search', 'pool'], ['stats'], ['import', 'test/fixtures/seeds']]) {
      const run = hindsight(...args, '--db', db);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `hindsight: ${db}: the library has schema version 7, newer than this hindsight knows (3); upgrade hindsight to use it (the file is left as it is)\n`,
      );
    }
    expect(readFileSync(db)).toEqual(bytes);
  });

  it('names a file of random bytes in one line with exit status 2', () => {
    const db = join(dir, 'random.db');
    writeFileSync(db, randomBytes(4096));
    const run = hindsight('stats', '--db', db);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`^hindsight: ${db}: not a usable library database \\([^\\n]*\\)\\n$`),
    );
  });

  it('searches a read-only library file', () => {
    const db = join(dir, 'read-only.db');
    expect(hindsight('import', 'test/fixtures/seeds', '--db', db).status).toBe(0);
    chmodSync(db, 0o444);
    const run = hindsight('search', 'pool', '--json', '--db', db);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results.length).toBeGreaterThan(0);
  });
});
