import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the CLI as a first-time user would: no --db, no $HINDSIGHT_DB, a home folder of its own. */
function firstRun(...args: string[]) {
  const home = mkdtempSync(join(tmpdir(), 'hindsight-home-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  delete env.HINDSIGHT_DB;
  delete env.XDG_DATA_HOME;
  const r = spawnSync('node', [join(root, 'bin/hindsight.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  return { ...r, home };
}

describe('which incident library a run uses', () => {
  it('is named once on stderr and in the report, with the default file under the home folder', () => {
    const r = firstRun('generate', 'examples/seed-003', '--format', 'json');
    expect(r.status).toBe(0);
    const said = r.stderr.split('\n').filter((l) => l.includes('incident library'));
    expect(said).toEqual([
      'hindsight: incident library ~/.local/share/hindsight/library.db (related incidents from it; the report saved to it)',
    ]);
    const notes: string[] = JSON.parse(r.stdout).dataQuality.notes;
    expect(
      notes.filter((n) => n.startsWith('Incident library: ~/.local/share/hindsight/library.db')),
    ).toHaveLength(1);
    expect(existsSync(join(r.home, '.local/share/hindsight/library.db'))).toBe(true);
  });

  it('appears under Data quality in the Markdown report', () => {
    const r = firstRun('generate', 'examples/seed-003', '--no-save');
    expect(r.stdout).toMatch(
      // GFM reads a lone ~ as strikethrough, so Markdown writes it escaped.
      /Incident library: \\~\/\.local\/share\/hindsight\/library\.db; related incidents come from it \(/,
    );
    expect(existsSync(join(r.home, '.local/share/hindsight'))).toBe(false);
  });

  it('is named by the library commands too', () => {
    const r = firstRun('search', 'checkout');
    expect(r.stderr).toContain('hindsight: incident library ~/.local/share/hindsight/library.db');
  });
});
