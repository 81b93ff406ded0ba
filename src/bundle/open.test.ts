// A bundle with links that go nowhere or in circles, or files no one may read, is read for what
// it holds; each such path is a data-quality problem, and a bundle with nothing readable is one line.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { generate } from '../generate.js';
import { openBundle } from './open.js';

/** The built module, which a process without root can load (the tests' own sources run under vitest). */
const BUILT = fileURLToPath(new URL('../../dist/bundle/index.js', import.meta.url));
const asNobody = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv') && existsSync(BUILT);

const EVENTS = 'ts,kind,summary\n2026-02-10T12:06:00Z,deploy,Deploy checkout v2\n';

function bundle(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-walk-')), 'bundle');
  mkdirSync(dir);
  writeFileSync(join(dir, 'events.csv'), EVENTS);
  return dir;
}

const problemsOf = async (dir: string) =>
  (await openBundle([dir])).problems.map((p) => `${p.file}: ${p.message}`);

describe('opening a bundle with paths that cannot be read', () => {
  it('reports a dangling symlink and reads the rest', async () => {
    const dir = bundle();
    symlinkSync(join(dir, 'gone.json'), join(dir, 'alerts.json'));
    const opened = await openBundle([dir]);
    expect(opened.inputs.map((i) => i.name)).toEqual(['events.csv']);
    expect(await problemsOf(dir)).toEqual(['alerts.json: a link to nothing (dangling symlink): skipped']);
  });

  it('reports a link that loops onto itself', async () => {
    const dir = bundle();
    symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
    expect(await problemsOf(dir)).toEqual(['loop: a symlink loop: skipped']);
  });

  it('reads a folder once when a link inside it points back up the tree', async () => {
    const dir = bundle();
    mkdirSync(join(dir, 'logs'));
    symlinkSync(dir, join(dir, 'logs', 'up'));
    const opened = await openBundle([dir]);
    expect(opened.inputs.map((i) => i.name)).toEqual(['events.csv']);
    expect(opened.problems.map((p) => p.file)).toEqual(['logs/up']);
  });

  it('reports a named pipe instead of waiting on it', async () => {
    const dir = bundle();
    execFileSync('mkfifo', [join(dir, 'pipe.log')]);
    expect(await problemsOf(dir)).toEqual([
      'pipe.log: not a regular file (a pipe, socket or device): skipped',
    ]);
  });

  // Root reads files whatever their mode: as root, the same check runs as `nobody` (below).
  it.skipIf(process.getuid?.() === 0)('reports a folder and a file without read permission', async () => {
    const dir = bundle();
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'secret.log'), 'x\n');
    chmodSync(join(dir, 'private'), 0);
    chmodSync(join(dir, 'secret.log'), 0);
    expect(await problemsOf(dir)).toEqual([
      'private: no permission to read it: skipped',
      'secret.log: no permission to read it: skipped',
    ]);
  });

  it.skipIf(!asNobody)(
    'reports a folder and a file without read permission when run as a user, not root',
    () => {
      const dir = bundle();
      mkdirSync(join(dir, 'private'));
      writeFileSync(join(dir, 'secret.log'), 'x\n');
      chmodSync(join(dir, 'private'), 0);
      chmodSync(join(dir, 'secret.log'), 0);
      chmodSync(dirname(dir), 0o755);
      chmodSync(dir, 0o755);
      const script = `const { openBundle } = await import(${JSON.stringify(BUILT)});
      const b = await openBundle([${JSON.stringify(dir)}]);
      console.log(JSON.stringify(b.problems.map((p) => p.file + ': ' + p.message)));`;
      const out = execFileSync(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          '--input-type=module',
          '-e',
          script,
        ],
        { encoding: 'utf8' },
      );
      expect(JSON.parse(out)).toEqual([
        'private: no permission to read it: skipped',
        'secret.log: no permission to read it: skipped',
      ]);
    },
  );

  it('puts the problems in the report and still writes it', async () => {
    const dir = bundle();
    symlinkSync(join(dir, 'gone.json'), join(dir, 'alerts.json'));
    const { report } = await generate([dir], { library: false, format: 'json' });
    expect(report.dataQuality.problems).toContainEqual({
      file: 'alerts.json',
      line: null,
      message: 'a link to nothing (dangling symlink): skipped',
    });
  });

  it('refuses a bundle where nothing at all is readable with one error naming the path', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-walk-')), 'bundle');
    mkdirSync(dir);
    symlinkSync(join(dir, 'gone.json'), join(dir, 'alerts.json'));
    const error = await openBundle([dir]).catch((e: Error) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('UNREADABLE_BUNDLE');
    expect((error as Error).message).toBe(
      `${join(dir, 'alerts.json')}: nothing readable: a link to nothing (dangling symlink): skipped`,
    );
  });
});
