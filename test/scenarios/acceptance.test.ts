import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('acceptance scenarios', () => {
  it('passes every check of the answer keys for the seed bundles', () => {
    const run = spawnSync('node', ['test/scenarios/check.mjs', '.', 'test/fixtures/scenarios'], {
      cwd: root,
      encoding: 'utf8',
    });
    const fails = run.stdout.split('\n').filter((l) => l.startsWith('FAIL'));
    expect(fails).toEqual([]);
    expect(run.stdout).toMatch(/acceptance: (\d+)\/\1 checks passed/);
    expect(run.status).toBe(0);
  });
});
