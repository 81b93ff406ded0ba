import { existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { MANIFEST_NAMES } from '../../bundle/manifest.js';
import { InputError } from '../../errors.js';
import { BUNDLE_FOLDERS, MANIFEST_TEMPLATE } from '../bundle-template.js';

/** Makes a folder unless it is there; like `-o`, only the folder asked for, never its parents. */
async function ensureFolder(path: string, shown: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) return;
  if (info) throw new InputError('INIT_NOT_A_FOLDER', shown, 'exists and is not a folder');
  if (!existsSync(dirname(path)))
    throw new InputError('INIT_NO_PARENT', shown, `cannot create: no folder ${dirname(path)}`);
  await mkdir(path);
}

/**
 * Lays out a new incident bundle in `dir`: a commented incident.yaml and one folder per kind of
 * evidence. Refuses a folder that already has a manifest; keeps any README it finds.
 * @example const written = await initBundle('incidents/2026-02-10-checkout')
 */
export async function initBundle(dir: string): Promise<string[]> {
  const root = resolve(dir);
  const existing = MANIFEST_NAMES.find((n) => existsSync(join(root, n)));
  if (existing)
    throw new InputError('INIT_EXISTS', join(dir, existing), 'a manifest is already there; nothing written');
  await ensureFolder(root, dir);
  const written = [join(dir, 'incident.yaml')];
  await writeFile(join(root, 'incident.yaml'), MANIFEST_TEMPLATE, { flag: 'wx' });
  for (const [folder, line] of Object.entries(BUNDLE_FOLDERS)) {
    await ensureFolder(join(root, folder), join(dir, folder));
    const readme = join(root, folder, 'README.md');
    if (existsSync(readme)) continue;
    await writeFile(readme, `${line}\n`, { flag: 'wx' });
    written.push(join(dir, folder, 'README.md'));
  }
  return written;
}

export function register(program: Command): void {
  program
    .command('init')
    .description('lay out a new incident bundle: a commented incident.yaml and a folder per kind of evidence')
    .argument('[dir]', 'folder for the bundle (created if missing; its parent must exist)', '.')
    .action(async (dir: string) => {
      const written = await initBundle(dir);
      process.stderr.write(
        `hindsight: wrote ${written.length} files in ${dir}; put the evidence in its folders, then run 'hindsight generate ${dir}'\n`,
      );
    });
}
