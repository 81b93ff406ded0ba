import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../errors.js';
import { seedFiles } from '../../lint/corpus.js';
import * as importCommand from './import.js';
import * as lint from './lint.js';
import * as related from './related.js';
import * as search from './search.js';
import * as stats from './stats.js';

function program(): Command {
  const p = new Command('hindsight').exitOverride();
  for (const c of [lint, importCommand, search, stats, related]) c.register(p);
  for (const c of p.commands) c.exitOverride();
  return p;
}

describe('library commands registered on a commander program', () => {
  let out = '';
  beforeEach(() => {
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('parses import then search --json from argv', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'hindsight-argv-')), 'library.db');
    const seed004 = seedFiles().find((f) => f.includes('/004_'))!;
    await program().parseAsync(['node', 'hindsight', 'import', seed004, '--db', db]);
    out = '';
    await program().parseAsync([
      'node',
      'hindsight',
      'search',
      'connection',
      'pool',
      '--db',
      db,
      '--json',
      '--limit',
      '3',
    ]);
    expect(JSON.parse(out).results[0].id).toBe('004-afdeac6cc0549373');
  });

  it('sets exit status 1 for lint below --min-score', async () => {
    await program().parseAsync(['node', 'hindsight', 'lint', seedFiles()[0], '--min-score', '99']);
    expect(process.exitCode).toBe(1);
  });

  it('throws a usage InputError for a malformed --since', async () => {
    await expect(
      program().parseAsync(['node', 'hindsight', 'search', 'x', '--since', 'yesterday']),
    ).rejects.toThrow(InputError);
  });
});
