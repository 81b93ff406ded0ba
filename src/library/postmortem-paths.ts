import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../errors.js';

const POSTMORTEM_FILE = /\.(md|markdown|txt|html?)$/i;

/** Files to import: files as given; folders searched for Markdown, text and HTML files (templates and repository notes left out), in name order. */
export async function postmortemPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new InputError('IMPORT_UNREADABLE', path, 'no such file or folder');
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = (await readdir(path, { recursive: true, encoding: 'utf8' })).filter(
      (f) =>
        POSTMORTEM_FILE.test(f) &&
        !/(^|\/)(README|LICENSE|PROVENANCE|CHANGELOG|CONTRIBUTING)(\.md)?$/i.test(f) &&
        !/template/i.test(basename(f)),
    );
    if (!found.length)
      throw new InputError('IMPORT_EMPTY', path, 'the folder holds no .md, .txt or .html files');
    files.push(...found.sort().map((f) => join(path, f)));
  }
  return files;
}
