import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Writes to a file, or to standard output for `-`/no path. Returns where it went. */
export async function writeOutput(text: string, path?: string): Promise<string> {
  if (!path || path === '-') {
    process.stdout.write(text);
    return 'stdout';
  }
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
  return target;
}
