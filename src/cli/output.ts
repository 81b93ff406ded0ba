import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOENT: 'no such folder',
};

const cannotWrite = (path: string, error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new InputError(
    'OUTPUT_UNWRITABLE',
    path,
    `cannot write: ${REASONS[code] ?? (code || String(error))}`,
  );
};

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

const isFolder = (path: string) =>
  stat(path).then(
    (info) => (info.isDirectory() ? 'folder' : 'not a folder'),
    (error: NodeJS.ErrnoException) => (error.code === 'ENOTDIR' ? 'not a folder' : 'missing'),
  );

/**
 * Where `-o` may write: the file, and its own folder when that is missing, never more, so
 * `-o out/r.md` may create `out/` but `-o a/b/r.md` needs `a/` (a typo cannot scatter folders).
 * Checked before the work starts, so a run is not spent on a report that cannot be written.
 */
export async function checkOutput(path?: string): Promise<void> {
  if (!path || path === '-') return;
  const target = resolve(path);
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) throw new InputError('OUTPUT_UNWRITABLE', path, 'cannot write: is a folder');
  const folder = dirname(target);
  const inFolder = await isFolder(folder);
  if (
    inFolder === 'not a folder' ||
    (inFolder === 'missing' && (await isFolder(dirname(folder))) === 'not a folder')
  )
    throw new InputError('OUTPUT_UNWRITABLE', path, `cannot write: ${REASONS.ENOTDIR}`);
  if (inFolder === 'missing' && (await isFolder(dirname(folder))) !== 'folder')
    throw new InputError(
      'OUTPUT_UNWRITABLE',
      path,
      `cannot write: no folder ${dirname(folder)} (only ${basename(folder)}/ would be created)`,
    );
}

/** Writes to a file (see `checkOutput` for the folders it may create), or to standard output for `-`/no path. */
export async function writeOutput(text: string, path?: string): Promise<string> {
  if (!path || path === '-') {
    process.stdout.write(text);
    return 'stdout';
  }
  await checkOutput(path);
  const target = resolve(path);
  try {
    if (!(await exists(dirname(target)))) await mkdir(dirname(target));
    await writeFile(target, text);
  } catch (error) {
    throw cannotWrite(path, error);
  }
  return target;
}

/** `hindsight formats | head -1`: a reader that stops early ends the run quietly, not with a stack trace. */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
}
