import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hindsight-hostile-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
/** A small heap: reading a 3 MB line took 1 GB before lines were cut for reading. */
const hindsight = (...args: string[]) =>
  spawnSync('node', ['--max-old-space-size=160', join(root, 'bin/hindsight.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
  });

describe('lint and import of postmortems built to break the parser, in a small heap', () => {
  const inputs = {
    'deep.md': `# Outage\n\n${'>'.repeat(100_000)} hi\n`,
    'long-line.md': `# Outage\n\n## Summary\n\n${'word '.repeat(629_146)}\n`,
  };

  it.each(Object.entries(inputs))('lints %s with a finding naming the line', (name, text) => {
    const path = file(name, text);
    const run = hindsight('lint', path);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${name}:[35]  read-in-full  `));
  });

  it.each(Object.entries(inputs))('imports %s and says on stderr what was cut', (name, text) => {
    const path = file(`import-${name}`, text);
    const run = hindsight('import', path, '--db', join(dir, 'library.db'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('imported 1 postmortem');
    expect(run.stderr).toMatch(new RegExp(`hindsight: ${path}:[35]: line [35] `));
  });
});
