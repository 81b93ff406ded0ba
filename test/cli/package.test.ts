import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface Packed {
  name: string;
  filename: string;
  unpackedSize: number;
  files: { path: string }[];
}
const pack = (...args: string[]): Packed =>
  JSON.parse(execFileSync('npm', ['pack', '--json', ...args], { cwd: root, encoding: 'utf8' }))[0];

describe('the npm package', () => {
  const dry = pack('--dry-run');
  const files = dry.files.map((f) => f.path);

  it('ships the bundle with its one source map, and no other map', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual(['dist/cli/bundle.js.map']);
    expect(dry.unpackedSize).toBeLessThan(5_000_000);
    // The records of how reading and lint were measured are for the project, not for its users.
    expect(files).not.toContain('docs/reading.md');
    expect(files).toContain('docs/manifest.md');
  });

  it('ships what running the CLI and using the library need, with the license', () => {
    for (const needed of [
      'LICENSE',
      'bin/hindsight.js',
      'dist/cli/bundle.js',
      'dist/logs/mine-worker.js',
      'dist/index.js',
      'dist/index.d.ts',
      'schema/report.schema.json',
      'schema/incident.schema.json',
    ])
      expect(files).toContain(needed);
    expect(files.some((f) => f.endsWith('.test.js') || f.startsWith('src/'))).toBe(false);
  });

  it('ships every module the library imports: what only the command line uses lives in its bundle', () => {
    // The command line (dist/cli) runs from its bundle, and the serve, watch and follow-ups code is
    // in that bundle alone; the library's own modules must still find each module they import.
    const shipped = new Set(files);
    const missing: string[] = [];
    for (const file of files.filter(
      (f) => f.endsWith('.js') && f.startsWith('dist/') && !f.startsWith('dist/cli/'),
    )) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]{1,200})['"]/g)) {
        const target = normalize(join(dirname(file), m[1]));
        if (!shipped.has(target)) missing.push(`${file} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
    expect(files.some((f) => f.startsWith('dist/server/'))).toBe(false);
  });

  it('keeps the hindsight command under a name of its own, with the license it declares', () => {
    expect(pkg.name).not.toBe('hindsight');
    expect(pkg.bin).toEqual({ hindsight: 'bin/hindsight.js' });
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  it('runs from the packed tarball', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-pack-'));
    const packed = pack('--pack-destination', dir);
    execFileSync('tar', ['xzf', join(dir, packed.filename), '-C', dir]);
    // Dependencies as an install would put them beside the package.
    symlinkSync(join(root, 'node_modules'), join(dir, 'package', 'node_modules'), 'dir');
    const r = spawnSync('node', [join(dir, 'package', 'bin/hindsight.js'), 'formats'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('alertmanager');
  }, 120_000);
});
