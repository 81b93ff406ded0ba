import { rmSync } from 'node:fs';
import { readdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { InputError } from '../errors.js';
import { Manifest, type Problem, type SourceSpec } from '../model/index.js';
import { storeKindOf } from '../stores/index.js';
import type { Unpacked } from './archive.js';
import { GZIP_UNNAMED, TAR_ARCHIVE, ZIP_ARCHIVE } from './binary.js';
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
  /** Paths in the bundle that could not be read (a dangling link, a symlink loop, no permission). */
  problems: Problem[];
  /** Removes what opening it unpacked (the members of a ZIP archive); its inputs are unreadable after. */
  close(): Promise<void>;
}

/** How each kind of archive a bundle reads as a folder is unpacked, its reader loaded when one is met. */
const untar = async (path: string) => (await import('./tar.js')).untar(path);
const UNPACK: Record<string, (path: string) => Promise<Unpacked>> = {
  [ZIP_ARCHIVE]: async (path) => (await import('./zip.js')).unzip(path),
  [TAR_ARCHIVE]: untar,
  [GZIP_UNNAMED]: untar,
};

/** Archives inside archives are unpacked this deep, no deeper (a zip that holds itself). */
const ARCHIVE_DEPTH = 2;

/** Folders unpacked from archives and not yet removed, removed at the latest when the process exits. */
const unpackedDirs = new Set<string>();
let removeAtExit = false;
function unpacked(dir: string): void {
  unpackedDirs.add(dir);
  if (removeAtExit) return;
  removeAtExit = true;
  process.once('exit', () => {
    for (const d of unpackedDirs) rmSync(d, { recursive: true, force: true });
  });
}

/** Folders that a source reads as one piece of evidence, recognised by the files they hold. */
const FOLDER_MARKERS = ['channels.json', 'users.json'];
// README files describe a folder (`hindsight init` writes one in each); they are not evidence.
const IGNORED = /^(\.|node_modules$|__MACOSX$|readme(\.md|\.txt)?$)|\.(md5|sha256|sig)$/i;

/** Why a path could not be read, in a user's words. */
function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'a link to nothing (dangling symlink): skipped';
  if (code === 'ELOOP') return 'a symlink loop: skipped';
  if (code === 'EACCES' || code === 'EPERM') return 'no permission to read it: skipped';
  return `cannot be read (${(error as Error).message}): skipped`;
}

interface Walk {
  files: string[];
  folders: string[];
  problems: { path: string; message: string }[];
  /** Real paths of the folders entered, so a link back up the tree is read once. */
  seen: Set<string>;
}

async function walk(dir: string, into: Walk): Promise<void> {
  let names: string[];
  try {
    const real = await realpath(dir);
    if (into.seen.has(real)) {
      into.problems.push({ path: dir, message: 'a symlink loop (a folder already read): skipped' });
      return;
    }
    into.seen.add(real);
    names = (await readdir(dir)).filter((n) => !IGNORED.test(n)).sort();
  } catch (error) {
    into.problems.push({ path: dir, message: unreadable(error) });
    return;
  }
  if (dir !== '' && names.some((n) => FOLDER_MARKERS.includes(n))) {
    into.folders.push(dir);
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch((error: unknown) => error as Error);
    if (info instanceof Error) into.problems.push({ path, message: unreadable(info) });
    else if (info.isDirectory()) await walk(path, into);
    else if (info.isFile()) into.files.push(path);
    else into.problems.push({ path, message: 'not a regular file (a pipe, socket or device): skipped' });
  }
}

/**
 * A bundle given as one archive (the incident's folder zipped or tarred whole): the folder it
 * holds, or the one folder at its top, opened as the bundle, its manifest included. Null when the
 * path is no archive, or one that cannot be unpacked (the ordinary reading then reports why).
 */
async function wholeArchive(path: string): Promise<(Unpacked & { root: string }) | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  const { binary } = await fileInput(path).catch(() => ({ binary: null }));
  const unpack = binary ? UNPACK[binary] : undefined;
  const opened = unpack && (await unpack(path).catch(() => null));
  if (!opened) return null;
  unpacked(opened.dir);
  const top = await readdir(opened.dir, { withFileTypes: true });
  const [only] = top;
  const root = top.length === 1 && only.isDirectory() ? join(opened.dir, only.name) : opened.dir;
  return { ...opened, root };
}

/**
 * Opens a bundle: a folder (with an optional incident.yaml), a list of files, or one archive
 * holding the folder.
 * @example const bundle = await openBundle(['examples/seed-003'])
 */
export async function openBundle(paths: string[]): Promise<Bundle> {
  if (paths.length === 0)
    throw new InputError('NO_INPUT', '(none)', 'no bundle given: pass a folder or files');
  const whole = paths.length === 1 ? await wholeArchive(resolve(paths[0])) : null;
  const found: Walk = { files: [], folders: [], problems: [], seen: new Set() };
  const { files, folders } = found;
  let root = '';
  for (const given of whole ? [whole.root] : paths) {
    const path = resolve(given);
    const info = await stat(path).catch(() => null);
    if (!info) throw new InputError('NOT_FOUND', given, 'no such file or folder');
    if (info.isDirectory()) {
      root ||= path;
      const before = folders.length;
      await walk(path, found);
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

  /** Archives read as folders: where their members were written, and the archive's name. */
  const archives: { dir: string; name: string; depth: number }[] = [];
  const archiveOf = (p: string) => archives.find((a) => p === a.dir || p.startsWith(a.dir + sep));
  const nameOf = (p: string): string => {
    const archive = archiveOf(p);
    if (archive) return [archive.name, ...relative(archive.dir, p).split(sep).filter(Boolean)].join('/');
    if (whole && p === root) return basename(paths[0]);
    return relative(root, p).split(sep).join('/') || basename(p);
  };
  const close = async () => {
    for (const dir of [...(whole ? [whole.dir] : []), ...archives.map((a) => a.dir)]) {
      await rm(dir, { recursive: true, force: true });
      unpackedDirs.delete(dir);
    }
  };
  const matchers = manifest.sources
    .filter((s) => s.path)
    .map((s) => ({ spec: s, match: picomatch(s.path!, { dot: true, basename: !s.path!.includes('/') }) }));
  const specFor = (name: string) => matchers.find((m) => m.match(name))?.spec ?? null;

  const inputs: BundleInput[] = [];
  /** Members of archives that were not unpacked, named as the archive names them. */
  const members: Problem[] = (whole?.skipped ?? []).map((s) => ({
    file: `${basename(paths[0])}/${s.name}`,
    line: null,
    message: `${s.reason}: skipped`,
  }));
  // Members of an archive join the files as they are unpacked, so the loop runs to the list's end.
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (f === manifestFile) continue;
    const name = nameOf(f);
    const input = await fileInput(f, name).catch((error: unknown) => error as Error);
    if (input instanceof Error) found.problems.push({ path: f, message: unreadable(input) });
    else if (input.binary && UNPACK[input.binary]) {
      const depth = (archiveOf(f)?.depth ?? 0) + 1;
      if (depth > ARCHIVE_DEPTH) {
        found.problems.push({ path: f, message: `an archive inside ${depth - 1} archives: skipped` });
        continue;
      }
      const opened = await UNPACK[input.binary](f).catch((error: unknown) => error as Error);
      if (opened instanceof Error) {
        const message = `${input.binary} that cannot be read (${opened.message}): skipped`;
        found.problems.push({ path: f, message });
        continue;
      }
      unpacked(opened.dir);
      archives.push({ dir: opened.dir, name, depth });
      for (const s of opened.skipped)
        members.push({ file: `${name}/${s.name}`, line: null, message: `${s.reason}: skipped` });
      await walk(opened.dir, found);
    } else if (input.binary)
      found.problems.push({ path: f, message: `${input.binary}, not evidence: skipped` });
    else inputs.push({ ...input, spec: specFor(name) });
  }
  for (const d of folders) {
    const name = nameOf(d);
    inputs.push({ ...(await folderInput(d, name)), spec: specFor(name) });
  }
  const problems = [
    ...found.problems.map((p) => ({ file: nameOf(p.path), line: null, message: p.message })),
    ...members,
  ];
  if (inputs.length === 0 && !manifest.sources.some((s) => s.prometheus || storeKindOf(s))) {
    await close();
    const [first] = found.problems;
    if (first) throw new InputError('UNREADABLE_BUNDLE', first.path, `nothing readable: ${first.message}`);
    throw new InputError('EMPTY_BUNDLE', paths[0], 'the bundle holds no evidence files');
  }
  return { root, manifestFile, manifest, inputs, notes, problems, close };
}
