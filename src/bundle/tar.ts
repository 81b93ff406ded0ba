import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract, type ReadEntry } from 'tar';
import {
  ARCHIVE_MAX_MEMBERS,
  archiveBytesLimit,
  tooManyBytes,
  tooManyMembers,
  type Unpacked,
} from './archive.js';

/** Member types written out; directories are made as their files need them. */
const FILES = new Set(['File', 'OldFile', 'ContiguousFile']);

const why = (type: string) =>
  type === 'SymbolicLink'
    ? 'a symbolic link'
    : type === 'Link'
      ? 'a hard link'
      : `not a regular file (${type})`;

/**
 * Unpacks a tar archive, plain or compressed (`.tar.gz`, `.tgz`: `must-gather`, sosreport, `kubectl
 * cluster-info dump` saved whole), into a new temporary folder. As GNU tar does, a leading `/` is
 * dropped from a member's name; a name with `..` is not written, nor is anything but a regular file.
 * Throws with a user's reason when the archive is damaged or unpacks past the bound.
 */
export async function untar(path: string, env: NodeJS.ProcessEnv = process.env): Promise<Unpacked> {
  const limit = archiveBytesLimit(env);
  const dir = await mkdtemp(join(tmpdir(), 'hindsight-archive-'));
  const skipped: Unpacked['skipped'] = [];
  let written = 0;
  let members = 0;
  let tooLarge: Error | null = null;
  const filter = (name: string, entry: unknown) => {
    const { type, size } = entry as ReadEntry;
    if (type === 'Directory') return true;
    members++;
    if (FILES.has(type)) written += size;
    if (members > ARCHIVE_MAX_MEMBERS) tooLarge ??= tooManyMembers();
    else if (!FILES.has(type)) skipped.push({ name, reason: why(type) });
    else if (written > limit) tooLarge ??= tooManyBytes(limit);
    else return true;
    return false;
  };
  let damaged: Error | null = null;
  // A member tar will not write (`../x`) is a warning about that member; a warning about the
  // archive as a whole (not a tar, cut short) means it cannot be read.
  const onwarn = (code: string, message: string | Error, data: Record<string, unknown>) => {
    const text = message instanceof Error ? message.message : message;
    const entry = data.entry as ReadEntry | undefined;
    if (code === 'TAR_ENTRY_INFO') return; // a leading `/` dropped: the member is still written
    if (code.startsWith('TAR_ENTRY') && entry) skipped.push({ name: entry.path, reason: text });
    else damaged ??= new Error(text);
  };
  try {
    await extract({
      file: path,
      cwd: dir,
      strict: false,
      filter,
      preserveOwner: false,
      noChmod: true,
      onwarn,
    });
    if (tooLarge || damaged) throw tooLarge ?? damaged;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, skipped };
}
