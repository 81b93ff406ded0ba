import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { type Member, type Unpacked, unpackMembers } from './archive.js';

/** Unix file type bits of a member, in the high half of its external attributes. */
const TYPE_MASK = 0o170000;
const SYMLINK = 0o120000;

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

/** Why a member is not written, or null when it is an ordinary file. */
function passOver(entry: Entry): string | null {
  if (((entry.externalFileAttributes >>> 16) & TYPE_MASK) === SYMLINK) return 'a symbolic link';
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) return 'encrypted';
  return null;
}

/**
 * The archive's members, one at a time, as its central directory lists them. yauzl refuses a name
 * outside the archive (`../x`, `/etc/x`) and checks each member's size as it is read.
 */
async function* membersOf(zip: ZipFile): AsyncIterable<Member> {
  let failed: Error | null = null;
  let waiting: ((entry: Entry | null) => void) | null = null;
  zip.on('entry', (entry: Entry) => waiting?.(entry));
  zip.on('end', () => waiting?.(null));
  zip.on('error', (error: Error) => {
    failed = error;
    waiting?.(null);
  });
  try {
    for (;;) {
      const next = new Promise<Entry | null>((resolve) => {
        waiting = resolve;
      });
      zip.readEntry();
      const entry = await next;
      if (failed) throw failed;
      if (!entry) return;
      if (entry.fileName.endsWith('/')) continue;
      const skip = passOver(entry);
      yield skip
        ? { name: entry.fileName, skip }
        : { name: entry.fileName, size: entry.uncompressedSize, open: () => streamOf(zip, entry) };
    }
  } finally {
    zip.close();
  }
}

/**
 * Unpacks a ZIP archive into a new temporary folder. Throws with a user's reason when the archive
 * is damaged, names a member outside itself or unpacks past the bound.
 */
export async function unzip(path: string, env: NodeJS.ProcessEnv = process.env): Promise<Unpacked> {
  return unpackMembers(membersOf(await open(path)), env);
}
