import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { InputError } from '../errors.js';
import { Manifest, type SourceSpec } from '../model/index.js';
import { fileInput, folderInput, type Input } from './input.js';
import { loadManifest, MANIFEST_NAMES } from './manifest.js';

export interface BundleInput extends Input {
  /** The manifest's `sources[]` entry whose path matches this input, if any. */
  spec: SourceSpec | null;
}

export interface Bundle {
  root: string;
  manifestFile: string | null;
  manifest: Manifest;
  inputs: BundleInput[];
  /** Remarks about the bundle itself (unknown manifest keys, …). */
  notes: string[];
}

/** Folders that a source reads as one piece of evidence, recognised by the files they hold. */
const FOLDER_MARKERS = ['channels.json', 'users.json'];
// README files describe a folder (`hindsight init` writes one in each); they are not evidence.
const IGNORED = /^(\.|node_modules$|__MACOSX$|readme(\.md|\.txt)?$)|\.(md5|sha256|sig)$/i;

async function walk(dir: string, out: string[], folders: string[]): Promise<void> {
  const names = (await readdir(dir)).filter((n) => !IGNORED.test(n)).sort();
  if (dir !== '' && names.some((n) => FOLDER_MARKERS.includes(n))) {
    folders.push(dir);
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path);
    if (info.isDirectory()) await walk(path, out, folders);
    else if (info.isFile()) out.push(path);
  }
}

/**
 * Opens a bundle: a folder (with an optional incident.yaml), or a list of files.
 * @example const bundle = await openBundle(['examples/seed-003'])
 */
export async function openBundle(paths: string[]): Promise<Bundle> {
  if (paths.length === 0)
    throw new InputError('NO_INPUT', '(none)', 'no bundle given: pass a folder or files');
  const files: string[] = [];
  const folders: string[] = [];
  let root = '';
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch(() => null);
    if (!info) throw new InputError('NOT_FOUND', given, 'no such file or folder');
    if (info.isDirectory()) {
      root ||= path;
      const before = folders.length;
      await walk(path, files, folders);
      // A Slack export given directly is itself the folder input.
      if (folders.length > before && folders[folders.length - 1] === path) continue;
    } else {
      root ||= dirname(path);
      files.push(path);
    }
  }
  const manifestFile = files.find((f) => MANIFEST_NAMES.includes(basename(f)) && dirname(f) === root) ?? null;
  const loaded = manifestFile ? await loadManifest(manifestFile) : null;
  const manifest = loaded?.manifest ?? Manifest.parse({});
  const notes = (loaded?.unknownKeys ?? []).map(
    (k) => `${basename(manifestFile!)}: unknown key '${k}' ignored`,
  );

  const nameOf = (p: string) => relative(root, p).split(sep).join('/') || basename(p);
  const matchers = manifest.sources
    .filter((s) => s.path)
    .map((s) => ({ spec: s, match: picomatch(s.path!, { dot: true, basename: !s.path!.includes('/') }) }));
  const specFor = (name: string) => matchers.find((m) => m.match(name))?.spec ?? null;

  const inputs: BundleInput[] = [];
  for (const f of files) {
    if (f === manifestFile) continue;
    const name = nameOf(f);
    inputs.push({ ...(await fileInput(f, name)), spec: specFor(name) });
  }
  for (const d of folders) {
    const name = nameOf(d);
    inputs.push({ ...(await folderInput(d, name)), spec: specFor(name) });
  }
  if (inputs.length === 0 && !manifest.sources.some((s) => s.prometheus)) {
    throw new InputError('EMPTY_BUNDLE', paths[0], 'the bundle holds no evidence files');
  }
  return { root, manifestFile, manifest, inputs, notes };
}
