import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/hindsight.js');
const hindsight = (...args: string[]) => spawnSync('node', [bin, ...args], { cwd: root, encoding: 'utf8' });
const lines = (text: string) => text.trim().split('\n');
const work = mkdtempSync(join(tmpdir(), 'hindsight-usage-'));

describe('usage errors', () => {
  it.each([
    [['--bogus'], "unknown option '--bogus'", 'hindsight --help'],
    [['nope'], "unknown command 'nope'", 'hindsight --help'],
    [['genrate', 'x'], 'Did you mean generate?', 'hindsight --help'],
    [['generate'], "missing required argument 'bundle'", 'hindsight generate --help'],
    [['generate', 'x', '--format', 'pdf'], "argument 'pdf' is invalid", 'hindsight generate --help'],
    [['generate', 'examples/seed-003', '--zzz'], "unknown option '--zzz'", 'hindsight generate --help'],
    [['serve', '--port', 'abc'], 'a port from 0 to 65535', 'hindsight serve --help'],
    [['lint'], "missing required argument 'files'", 'hindsight lint --help'],
    [['help', 'bogus'], "unknown command 'bogus'", 'hindsight --help'],
  ])('%j exits 2 with one line and a hint', (args, says, help) => {
    const r = hindsight(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(says);
    expect(r.stderr.trim()).toMatch(new RegExp(`^hindsight: .*\\(run '${help}'\\)$`));
  });

  it('hindsight alone prints the help to stderr and exits 2', () => {
    const r = hindsight();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: hindsight');
  });

  it('--help and --version still exit 0 on stdout', () => {
    expect(hindsight('--help')).toMatchObject({ status: 0, stderr: '' });
    expect(hindsight('generate', '--help').stdout).toContain('--audience');
    expect(hindsight('--version').stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('a closed pipe', () => {
  it('ends the run quietly when the reader has gone (formats | head -1)', async () => {
    const child = spawn('node', [bin, 'formats'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader leaves before the first write: every write then meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const status = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

describe('-o', () => {
  it('creates the file and its own missing folder', () => {
    const out = join(work, 'fresh', 'report.md');
    const r = hindsight('generate', 'examples/seed-003', '--no-save', '-o', out);
    expect(r.status).toBe(0);
    expect(readdirSync(join(work, 'fresh'))).toEqual(['report.md']);
  });

  it('creates no folders beyond that: a deeper missing path is one line and exit 2', () => {
    const out = join(work, 'a', 'b', 'c', 'report.md');
    const r = hindsight('generate', 'examples/seed-003', '--no-save', '-o', out);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `hindsight: ${out}: cannot write: no folder ${join(work, 'a', 'b')} (only c/ would be created)`,
    ]);
    expect(readdirSync(work)).not.toContain('a');
  });

  it('names a folder given as the file, and a file in the way of a folder, in one line', () => {
    const folder = hindsight('generate', 'examples/seed-003', '--no-save', '-o', work);
    expect(folder.status).toBe(2);
    expect(lines(folder.stderr)).toEqual([`hindsight: ${work}: cannot write: is a folder`]);
    const file = join(work, 'plain.txt');
    writeFileSync(file, 'x');
    const inTheWay = hindsight('generate', 'examples/seed-003', '--no-save', '-o', join(file, 'r.md'));
    expect(inTheWay.status).toBe(2);
    expect(lines(inTheWay.stderr)).toEqual([
      `hindsight: ${join(file, 'r.md')}: cannot write: a part of the path is not a folder`,
    ]);
  });
});

describe('serve that cannot listen', () => {
  const serveFails = (...args: string[]) =>
    hindsight('serve', '--db', join(work, `serve-${args.join('-')}.db`), '--token', 'abcdefghij', ...args);

  it('says the port is in use in one line and exits 2', async () => {
    const taken: Server = createServer();
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
    const port = (taken.address() as { port: number }).port;
    const r = await new Promise<ReturnType<typeof hindsight>>((done) =>
      setImmediate(() => done(serveFails('--port', String(port)))),
    );
    taken.close();
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `hindsight: 127.0.0.1:${port}: cannot listen: the port is in use (pick another with --port, or 0 for any free one)`,
    ]);
  });

  it('says an address is not on this machine in one line and exits 2', () => {
    // 203.0.113.0/24 is reserved for documentation: never an address of this machine.
    const r = serveFails('--host', '203.0.113.7', '--port', '0');
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'hindsight: 203.0.113.7:0: cannot listen: the address is not one of this machine (try 127.0.0.1)',
    ]);
  });
});
