import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const db = join(mkdtempSync(join(tmpdir(), 'hindsight-appendix-')), 'library.db');
const hindsight = (...args: string[]) =>
  spawnSync('node', [join(root, 'bin/hindsight.js'), ...args, '--db', db], { cwd: root, encoding: 'utf8' });

describe('generate with the incident library', () => {
  it('lists related past incidents in the report, then keeps the report for the next one', () => {
    expect(hindsight('import', 'test/fixtures/postmortems/dfds').status).toBe(0);
    const first = JSON.parse(hindsight('generate', 'examples/seed-003', '--format', 'json').stdout);
    expect(first.related.every((r: { reasons: string[] }) => r.reasons.length > 0)).toBe(true);
    const found = hindsight('search', 'DEP-7781', '--json');
    expect(JSON.parse(found.stdout).results.map((r: { id: string }) => r.id)).toContain('INC-1042');
    const second = JSON.parse(
      hindsight('generate', 'examples/checkout-multi-source', '--format', 'json').stdout,
    );
    const related = second.related.find((r: { id: string }) => r.id === 'INC-1042');
    expect(related?.reasons.join(' ')).toMatch(/approvals|deploy|change window/);
  });

  it('leaves the library alone with --no-save, and still writes the report when the library is unusable', () => {
    const before = JSON.parse(hindsight('search', 'autosave', '--json').stdout).results.length;
    expect(hindsight('generate', 'examples/seed-004', '--no-save').status).toBe(0);
    expect(JSON.parse(hindsight('search', 'autosave', '--json').stdout).results.length).toBe(before);
    const broken = spawnSync(
      'node',
      [join(root, 'bin/hindsight.js'), 'generate', 'examples/seed-004', '--db', root],
      { cwd: root, encoding: 'utf8' },
    );
    expect(broken.status).toBe(0);
    expect(broken.stdout).toContain('# Unified Reporting System autosave failures');
    expect(broken.stderr).toMatch(/library/);
  });
});
