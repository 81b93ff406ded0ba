// A Slack workspace export arrives as a ZIP file, and so do a CI run's logs: a bundle reads an
// archive as the folder it holds, each member named under the archive ("export.zip/general/…"),
// and never writes outside the private folder it unpacks to, whatever the archive says.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { buildTimeline } from '../timeline/index.js';
import { openBundle } from './open.js';
import { unzip } from './zip.js';

const SLACK = fileURLToPath(
  new URL('../../test/fixtures/slack/slack-export-viewer__testarchive', import.meta.url),
);
const LOG = '2026-02-10T12:07:00Z ERROR checkout: payment gateway timeout\n';

type Member = [name: string, content: Buffer | string, mode?: number];

/** The bytes of a ZIP archive holding `members`, deflated as `zip` and Slack write them. */
function zipOf(members: Member[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content, mode] of members)
    zip.addBuffer(Buffer.from(content), name, mode ? { mode } : {});
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string, at = dir): string[] {
  return readdirSync(at, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(dir, join(at, d.name)) : [relative(dir, join(at, d.name))],
  );
}

function bundle(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-zip-test-')), 'bundle');
  mkdirSync(dir);
  return dir;
}

const slackMembers = (prefix = ''): Member[] =>
  filesUnder(SLACK).map((f) => [`${prefix}${f}`, readFileSync(join(SLACK, f))]);

describe('a ZIP archive in a bundle', () => {
  it('reads a Slack export zip as the export folder it holds, its members named under the archive', async () => {
    const dir = bundle();
    writeFileSync(join(dir, 'slack-export.zip'), await zipOf(slackMembers()));
    const zipped = await openBundle([dir]);
    const fromZip = await buildTimeline(zipped);
    await zipped.close();
    const fromFolder = await buildTimeline(await openBundle([SLACK]));
    expect(fromZip.events.length).toBeGreaterThan(100);
    expect(fromZip.events.map((e) => [e.ts, e.summary])).toEqual(
      fromFolder.events.map((e) => [e.ts, e.summary]),
    );
    expect(fromZip.events[0].source.file).toMatch(/^slack-export\.zip\/[a-z-]+\/\d{4}-\d\d-\d\d\.json$/);
    expect(zipped.problems).toEqual([]);
  });

  it('reads an archive given by its path, and one whose members sit in a top folder', async () => {
    const dir = bundle();
    const path = join(dir, 'export.zip');
    writeFileSync(path, await zipOf(slackMembers('acme Slack export Jan 2016/')));
    const opened = await openBundle([path]);
    // Given alone, the archive is the bundle: the export at its top is read as the archive itself.
    expect(opened.inputs.map((i) => i.name)).toEqual(['export.zip']);
    expect((await buildTimeline(opened)).events.length).toBeGreaterThan(100);
    await opened.close();
  });

  it('opens an incident folder zipped whole as that folder, its manifest included', async () => {
    const examples = fileURLToPath(new URL('../../examples/checkout-multi-source', import.meta.url));
    const members = filesUnder(examples).map(
      (f): Member => [`checkout-multi-source/${f}`, readFileSync(join(examples, f))],
    );
    const path = join(bundle(), 'incident.zip');
    writeFileSync(path, await zipOf(members));
    const zipped = await openBundle([path]);
    const folder = await openBundle([examples]);
    expect(zipped.manifest).toEqual(folder.manifest);
    expect(zipped.manifest.title).toBeTruthy();
    expect(zipped.inputs.map((i) => i.name)).toEqual(folder.inputs.map((i) => i.name));
    const [fromZip, fromFolder] = [await buildTimeline(zipped), await buildTimeline(folder)];
    expect(fromZip.events).toEqual(fromFolder.events);
    const unpackedAt = dirname(zipped.manifestFile!);
    await zipped.close();
    expect(existsSync(unpackedAt)).toBe(false);
  });

  it('removes what it unpacked when the bundle is closed', async () => {
    const dir = bundle();
    writeFileSync(join(dir, 'logs.zip'), await zipOf([['app.log', LOG]]));
    const opened = await openBundle([dir]);
    const [member] = opened.inputs;
    expect(member.name).toBe('logs.zip/app.log');
    expect(existsSync(member.path)).toBe(true);
    await opened.close();
    expect(existsSync(member.path)).toBe(false);
    expect(existsSync(dirname(member.path))).toBe(false);
  });

  it('refuses an archive naming a member outside itself, writing nothing', async () => {
    const dir = bundle();
    // yazl will not write such a name, so one of the same length is put in its place.
    const bytes = await zipOf([['xx/escaped.log', LOG]]);
    const evil = Buffer.from(
      bytes.toString('latin1').replaceAll('xx/escaped.log', '../escaped.log'),
      'latin1',
    );
    writeFileSync(join(dir, 'evil.zip'), evil);
    writeFileSync(join(dir, 'app.log'), LOG);
    const opened = await openBundle([dir]);
    expect(opened.inputs.map((i) => i.name)).toEqual(['app.log']);
    expect(opened.problems).toHaveLength(1);
    expect(opened.problems[0].file).toBe('evil.zip');
    expect(opened.problems[0].message).toMatch(
      /^a ZIP archive that cannot be read \(.*\.\.\/escaped\.log\): skipped$/,
    );
    expect(existsSync(join(tmpdir(), 'escaped.log'))).toBe(false);
    expect(existsSync(join(dirname(dir), 'escaped.log'))).toBe(false);
  });

  it('skips a member that is a symbolic link, and says so', async () => {
    const dir = bundle();
    const zip = await zipOf([
      ['app.log', LOG],
      ['passwd.log', '/etc/passwd', 0o120777],
    ]);
    writeFileSync(join(dir, 'logs.zip'), zip);
    const opened = await openBundle([dir]);
    expect(opened.inputs.map((i) => i.name)).toEqual(['logs.zip/app.log']);
    expect(opened.problems).toEqual([
      { file: 'logs.zip/passwd.log', line: null, message: 'a symbolic link: skipped' },
    ]);
    await opened.close();
  });

  it('refuses an archive that unpacks past the bound before writing it', async () => {
    const path = join(bundle(), 'big.zip');
    writeFileSync(path, await zipOf([['a.log', 'x'.repeat(4096)]]));
    await expect(unzip(path, { HINDSIGHT_ARCHIVE_MAX_BYTES: '1000' })).rejects.toThrow(
      'unpacks to more than 1,000 bytes (set HINDSIGHT_ARCHIVE_MAX_BYTES to allow more)',
    );
    const { dir } = await unzip(path, {});
    expect(readFileSync(join(dir, 'a.log'), 'utf8')).toHaveLength(4096);
    rmSync(dir, { recursive: true });
  });

  it('reads an archive inside an archive once more, and no deeper', async () => {
    const dir = bundle();
    const inner = await zipOf([['deep.zip', await zipOf([['deepest.log', LOG]])]]);
    writeFileSync(
      join(dir, 'outer.zip'),
      await zipOf([
        ['inner.zip', inner],
        ['app.log', LOG],
      ]),
    );
    const opened = await openBundle([dir]);
    expect(opened.inputs.map((i) => i.name)).toEqual(['outer.zip/app.log']);
    expect(opened.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'outer.zip/inner.zip/deep.zip: an archive inside 2 archives: skipped',
    ]);
    await opened.close();
  });

  it('reports a damaged archive with one line and reads the rest', async () => {
    const dir = bundle();
    const zip = await zipOf([['app.log', LOG]]);
    writeFileSync(join(dir, 'cut.zip'), zip.subarray(0, zip.length - 30));
    writeFileSync(join(dir, 'app.log'), LOG);
    const opened = await openBundle([dir]);
    expect(opened.inputs.map((i) => i.name)).toEqual(['app.log']);
    expect(opened.problems.map((p) => p.file)).toEqual(['cut.zip']);
    expect(opened.problems[0].message).toMatch(/^a ZIP archive that cannot be read \(.+\): skipped$/);
  });

  it('never throws on any bytes after a ZIP signature: the archive is read or reported', async () => {
    const dir = bundle();
    writeFileSync(join(dir, 'app.log'), LOG);
    const good = await zipOf([['app.log', LOG]]);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(good.length - 1),
        fc.uint8Array({ minLength: 1, maxLength: 16 }),
        async (at, noise) => {
          const bytes = Buffer.from(good);
          bytes.set(noise.subarray(0, bytes.length - at), at);
          bytes.set([0x50, 0x4b, 0x03, 0x04], 0);
          writeFileSync(join(dir, 'noisy.zip'), bytes);
          const opened = await openBundle([dir]);
          expect(opened.inputs.map((i) => i.name)).toContain('app.log');
          await opened.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
