// Evidence collected from a cluster often arrives as one tarball (`oc adm must-gather`, a
// sosreport, `kubectl cluster-info dump` saved whole): a bundle reads a tar archive, plain or
// compressed, as the folder it holds, and writes nothing outside the private folder it unpacks to.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { create } from 'tar';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../timeline/index.js';
import { openBundle } from './open.js';
import { untar } from './tar.js';

const SLACK_PARENT = fileURLToPath(new URL('../../test/fixtures/slack', import.meta.url));
const LOG = '2026-02-10T12:07:00Z ERROR checkout: payment gateway timeout\n';

type Member = { name: string; content?: string; type?: '0' | '2' | '5'; link?: string };

/** A ustar archive written header by header, so a member may say what no careful tool writes. */
function tarOf(members: Member[]): Buffer {
  const blocks: Buffer[] = [];
  for (const { name, content = '', type = '0', link = '' } of members) {
    const header = Buffer.alloc(512);
    const body = Buffer.from(content);
    header.write(name, 0, 100);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write(type, 156);
    header.write(link, 157, 100);
    header.write('ustar\x0000', 257);
    const sum = header.reduce((a, b) => a + b, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function bundle(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-tar-test-')), 'bundle');
  mkdirSync(dir);
  return dir;
}

describe('a tar archive in a bundle', () => {
  it('reads a .tar.gz and a .tgz of a Slack export as the export it holds', async () => {
    const dir = bundle();
    await create({ gzip: true, file: join(dir, 'must-gather.tar.gz'), cwd: SLACK_PARENT }, [
      'slack-export-viewer__testarchive',
    ]);
    const other = bundle();
    await create({ gzip: true, file: join(other, 'dump.tgz'), cwd: SLACK_PARENT }, [
      'slack-export-viewer__testarchive',
    ]);
    const fromFolder = await buildTimeline(
      await openBundle([join(SLACK_PARENT, 'slack-export-viewer__testarchive')]),
    );
    for (const [path, name] of [
      [dir, 'must-gather.tar.gz'],
      [other, 'dump.tgz'],
    ]) {
      const opened = await openBundle([path]);
      expect(opened.inputs.map((i) => i.name)).toEqual([`${name}/slack-export-viewer__testarchive`]);
      const timeline = await buildTimeline(opened);
      await opened.close();
      expect(timeline.events.map((e) => e.summary)).toEqual(fromFolder.events.map((e) => e.summary));
      expect(opened.problems).toEqual([]);
    }
  });

  it('opens an incident folder tarred whole as that folder, its manifest included', async () => {
    const examples = fileURLToPath(new URL('../../examples', import.meta.url));
    const path = join(bundle(), 'incident.tgz');
    await create({ gzip: true, file: path, cwd: examples }, ['checkout-multi-source']);
    const tarred = await openBundle([path]);
    const folder = await openBundle([join(examples, 'checkout-multi-source')]);
    expect(tarred.manifest).toEqual(folder.manifest);
    expect(tarred.inputs.map((i) => i.name)).toEqual(folder.inputs.map((i) => i.name));
    await tarred.close();
  });

  it('writes no member outside itself and no link, saying which it passed over', async () => {
    const dir = bundle();
    writeFileSync(
      join(dir, 'evidence.tar'),
      tarOf([
        { name: '../escaped.log', content: LOG },
        { name: '/var/log/app.log', content: LOG },
        { name: 'logs/passwd.log', type: '2', link: '/etc/passwd' },
        { name: 'logs/', type: '5' },
        { name: 'logs/app.log', content: LOG },
      ]),
    );
    const opened = await openBundle([dir]);
    // As GNU tar does, the leading `/` is dropped and the member read.
    expect(opened.inputs.map((i) => i.name)).toEqual([
      'evidence.tar/logs/app.log',
      'evidence.tar/var/log/app.log',
    ]);
    expect(opened.problems).toEqual([
      { file: 'evidence.tar/../escaped.log', line: null, message: "path contains '..': skipped" },
      { file: 'evidence.tar/logs/passwd.log', line: null, message: 'a symbolic link: skipped' },
    ]);
    expect(existsSync(join(dirname(opened.inputs[0].path), '..', 'escaped.log'))).toBe(false);
    expect(existsSync(join(dirname(dir), 'escaped.log'))).toBe(false);
    await opened.close();
  });

  it('refuses an archive that unpacks past the bound, and reads it within the bound', async () => {
    const path = join(bundle(), 'big.tar');
    writeFileSync(path, tarOf([{ name: 'a.log', content: 'x'.repeat(4096) }]));
    await expect(untar(path, { HINDSIGHT_ARCHIVE_MAX_BYTES: '1000' })).rejects.toThrow(
      'unpacks to more than 1,000 bytes (set HINDSIGHT_ARCHIVE_MAX_BYTES to allow more)',
    );
    const { dir } = await untar(path, {});
    expect(existsSync(join(dir, 'a.log'))).toBe(true);
    rmSync(dir, { recursive: true });
  });

  it('reports a compressed file that holds no tar archive, and one cut short', async () => {
    const dir = bundle();
    writeFileSync(join(dir, 'notes.tgz'), gzipSync('not an archive'));
    const cut = tarOf([{ name: 'app.log', content: LOG.repeat(40) }]);
    writeFileSync(join(dir, 'cut.tar'), cut.subarray(0, 700));
    writeFileSync(join(dir, 'app.log'), LOG);
    const opened = await openBundle([dir]);
    expect(opened.inputs.map((i) => i.name)).toEqual(['app.log']);
    expect(opened.problems.map((p) => p.file)).toEqual(['cut.tar', 'notes.tgz']);
    for (const p of opened.problems) expect(p.message).toMatch(/that cannot be read \(.+\): skipped$/);
  });

  it('never throws on any bytes in a tar archive: the archive is read or reported', async () => {
    const dir = bundle();
    writeFileSync(join(dir, 'app.log'), LOG);
    const good = tarOf([
      { name: 'logs/app.log', content: LOG },
      { name: 'logs/more.log', content: LOG },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(good.length - 1),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        async (at, noise) => {
          const bytes = Buffer.from(good);
          bytes.set(noise.subarray(0, bytes.length - at), at);
          bytes.write('ustar', 257);
          writeFileSync(join(dir, 'noisy.tar'), bytes);
          const opened = await openBundle([dir]);
          expect(opened.inputs.map((i) => i.name)).toContain('app.log');
          await opened.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
