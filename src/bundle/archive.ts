import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * An archive in a bundle (a Slack export's ZIP, a CI run's logs, a `must-gather` or sosreport
 * tarball) is read as the folder it holds: its members are written to a private temporary folder
 * that the bundle's `close()` removes. What it may hold is bounded, so an archive that unpacks to
 * more than the disk can take (a zip bomb) is refused before the member past the bound is written.
 */

/** Bytes an archive may unpack to, unless `HINDSIGHT_ARCHIVE_MAX_BYTES` says otherwise. */
export const ARCHIVE_MAX_BYTES = 16 * 1024 ** 3;
/** Members an archive may hold. */
export const ARCHIVE_MAX_MEMBERS = 100_000;

export interface Unpacked {
  /** The folder the members were written to. */
  dir: string;
  /** Members not written, with why ("a symbolic link", "encrypted"). */
  skipped: { name: string; reason: string }[];
}

/** One member as an archive lists it: a regular file to write, or why it is passed over. */
export type Member =
  | { name: string; size: number; open: () => Promise<Readable | NodeJS.ReadableStream> }
  | { name: string; skip: string };

/** The bytes an archive may unpack to: `HINDSIGHT_ARCHIVE_MAX_BYTES`, else 16 GiB. */
export const archiveBytesLimit = (env: NodeJS.ProcessEnv) => {
  const given = Number(env.HINDSIGHT_ARCHIVE_MAX_BYTES);
  return Number.isFinite(given) && given > 0 ? given : ARCHIVE_MAX_BYTES;
};

const count = (n: number) => n.toLocaleString('en-US');

/** Why an archive is refused: it holds more members than a bundle reads. */
export const tooManyMembers = () => new Error(`holds more than ${count(ARCHIVE_MAX_MEMBERS)} members`);
/** Why an archive is refused: it unpacks past the bound. */
export const tooManyBytes = (limit: number) =>
  new Error(`unpacks to more than ${count(limit)} bytes (set HINDSIGHT_ARCHIVE_MAX_BYTES to allow more)`);

/**
 * Writes an archive's members into a new temporary folder, in the order listed. A member named
 * twice keeps its first copy; names are relative and stay inside the folder (each reader checks).
 * Throws with a user's reason, the folder removed, when the archive is damaged or too large.
 */
export async function unpackMembers(
  members: AsyncIterable<Member>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Unpacked> {
  const limit = archiveBytesLimit(env);
  const dir = await mkdtemp(join(tmpdir(), 'hindsight-archive-'));
  const skipped: Unpacked['skipped'] = [];
  const names = new Set<string>();
  let written = 0;
  try {
    for await (const member of members) {
      if (names.size + skipped.length >= ARCHIVE_MAX_MEMBERS) throw tooManyMembers();
      if ('skip' in member || names.has(member.name)) {
        skipped.push({
          name: member.name,
          reason: 'skip' in member ? member.skip : 'a second member of the same name',
        });
        continue;
      }
      written += member.size;
      if (written > limit) throw tooManyBytes(limit);
      names.add(member.name);
      const target = join(dir, member.name);
      await mkdir(dirname(target), { recursive: true });
      await pipeline(await member.open(), createWriteStream(target, { flags: 'wx' }));
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, skipped };
}
