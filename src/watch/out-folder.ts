import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { EVIDENCE } from './watch.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'no such folder',
};

const cannot = (out: string, error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new InputError(
    'OUTPUT_UNWRITABLE',
    out,
    `cannot write the bundle: ${REASONS[code] ?? (code || String(error))}`,
  );
};

/**
 * Makes sure the bundle folder can take the evidence before anything is deployed: creates it
 * (not its parents, so a typo cannot scatter folders), writes and removes a probe file, and
 * refuses a folder that already holds a watch's evidence (two runs would mix in one incident).
 * Returns the absolute folder.
 */
export function prepareOutFolder(out: string): string {
  const folder = resolve(out);
  const info = (() => {
    try {
      return statSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw cannot(out, error);
    }
  })();
  if (info && !info.isDirectory())
    throw new InputError('OUTPUT_UNWRITABLE', out, 'cannot write the bundle: is a file, not a folder');
  if (!info) {
    const parent = dirname(folder);
    if (!existsSync(parent))
      throw new InputError(
        'OUTPUT_UNWRITABLE',
        out,
        `cannot write the bundle: no folder ${parent} (only ${basename(folder)}/ would be created)`,
      );
    try {
      mkdirSync(folder);
    } catch (error) {
      throw cannot(out, error);
    }
  }
  const used = [EVIDENCE.health, EVIDENCE.deploys, EVIDENCE.watch, 'incident.yaml'].filter((n) =>
    existsSync(join(folder, n)),
  );
  if (used.length)
    throw new InputError(
      'WATCH_OUT_USED',
      out,
      `already holds ${used.join(', ')} from another watch: give a new folder`,
    );
  const probe = join(folder, `.hindsight-watch-probe-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw cannot(out, error);
  }
  return folder;
}
