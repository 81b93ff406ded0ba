import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * A ZIP archive in a bundle (a Slack workspace export as Slack delivers it, a CI run's logs) is read
 * as the folder it holds: its members are written to a private temporary folder that the bundle's
 * `close()` removes. What it may hold is bounded, so an archive that unpacks to more than the disk
 * can take (a zip bomb) is refused before anything is written.
 */

/** Bytes an archive may unpack to, unless `HINDSIGHT_ZIP_MAX_BYTES` says otherwise. */
export const ZIP_MAX_BYTES = 16 * 1024 ** 3;
/** Members an archive may hold. */
export const ZIP_MAX_ENTRIES = 100_000;

/** Unix file type bits of a member, in the high half of its external attributes. */
const TYPE_MASK = 0o170000;
const SYMLINK = 0o120000;

export interface Unpacked {
  /** The folder the members were written to. */
  dir: string;
  /** Members not written, with why ("a symbolic link", "encrypted"). */
  skipped: { name: string; reason: string }[];
}

const maxBytes = (env: NodeJS.ProcessEnv) => {
  const given = Number(env.HINDSIGHT_ZIP_MAX_BYTES);
  return Number.isFinite(given) && given > 0 ? given : ZIP_MAX_BYTES;
};

const open = (path: string) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );

const streamOf = (zip: ZipFile, entry: Entry) =>
  new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );

/** The archive's members, one at a time, as the central directory lists them. */
async function* entriesOf(zip: ZipFile): AsyncIterable<Entry> {
  let failed: Error | null = null;
  let waiting: ((entry: Entry | null) => void) | null = null;
  zip.on('entry', (entry: Entry) => waiting?.(entry));
  zip.on('end', () => waiting?.(null));
  zip.on('error', (error: Error) => {
    failed = error;
    waiting?.(null);
  });
  for (;;) {
    const next = new Promise<Entry | null>((resolve) => {
      waiting = resolve;
    });
    zip.readEntry();
    const entry = await next;
    if (failed) throw failed;
    if (!entry) return;
    yield entry;
  }
}

/** Why a member is not written, or null when it is an ordinary file. */
function passOver(entry: Entry): string | null {
  if (((entry.externalFileAttributes >>> 16) & TYPE_MASK) === SYMLINK) return 'a symbolic link';
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) return 'encrypted';
  return null;
}

/**
 * Unpacks a ZIP archive into a new temporary folder. Throws with a user's reason when the archive
 * is damaged, names a member outside itself (`../x`, `/etc/x`) or unpacks past the bounds.
 */
export async function unzip(path: string, env: NodeJS.ProcessEnv = process.env): Promise<Unpacked> {
  const zip = await open(path);
  const limit = maxBytes(env);
  if (zip.entryCount > ZIP_MAX_ENTRIES) {
    zip.close();
    throw new Error(
      `holds ${zip.entryCount.toLocaleString('en-US')} members, more than ${ZIP_MAX_ENTRIES.toLocaleString('en-US')}`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'hindsight-zip-'));
  const skipped: Unpacked['skipped'] = [];
  let written = 0;
  const names = new Set<string>();
  try {
    for await (const entry of entriesOf(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      const reason = names.has(entry.fileName) ? 'a second member of the same name' : passOver(entry);
      if (reason) {
        skipped.push({ name: entry.fileName, reason });
        continue;
      }
      // Sizes are checked against the central directory as the member is read (yauzl's
      // validateEntrySizes), so the declared size bounds what is written.
      written += entry.uncompressedSize;
      if (written > limit)
        throw new Error(
          `unpacks to more than ${limit.toLocaleString('en-US')} bytes (set HINDSIGHT_ZIP_MAX_BYTES to allow more)`,
        );
      names.add(entry.fileName);
      const target = join(dir, entry.fileName);
      await mkdir(dirname(target), { recursive: true });
      await pipeline(await streamOf(zip, entry), createWriteStream(target, { flags: 'wx' }));
    }
  } catch (error) {
    zip.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, skipped };
}
