import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';

export interface Line {
  text: string;
  /** 1-based line number. */
  number: number;
  /** Byte offset of the line's first byte in the (decompressed) file. */
  offset: number;
  /** Set when the line was longer than the cap: `text` holds only its start. */
  cut?: boolean;
}

/** A `.gz` file that stops decoding part way; what decoded before the damage was read. */
export class DamagedInput extends Error {
  constructor(
    readonly path: string,
    readonly decodedBytes: number,
    cause: Error,
  ) {
    super(`damaged gzip: ${cause.message} after ${decodedBytes.toLocaleString('en-US')} decoded bytes`);
    this.name = 'DamagedInput';
  }
}

/** One piece of evidence: a file, or a folder that a source reads as a whole (a Slack export). */
export interface Input {
  path: string;
  /** Path relative to the bundle root, as reports show it. */
  name: string;
  isDirectory: boolean;
  /** The first bytes of the file, decoded, for content detection (empty for folders). */
  sample: string;
  /** File names inside a folder input (empty for files). */
  entries: string[];
  size: number;
  lines(): AsyncIterable<Line>;
}

const SAMPLE_BYTES = 64 * 1024;
/** A first line longer than the sample is followed this far, so a long JSON line is still recognised. */
const SAMPLE_LINE_BYTES = 4 * 1024 * 1024;
const BLOCK_BYTES = 1 << 20;
/** Bytes of one line that `readLines` keeps; the rest of a longer line is passed over. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export const isGzip = (path: string) => path.endsWith('.gz');

/** A file's bytes, decompressed when it is a `.gz`; a damaged archive ends in a `DamagedInput`. */
export async function* readBytes(path: string): AsyncIterable<Buffer> {
  const raw = createReadStream(path, { highWaterMark: BLOCK_BYTES });
  if (!isGzip(path)) {
    yield* raw as AsyncIterable<Buffer>;
    return;
  }
  const stream = raw.pipe(createGunzip());
  raw.on('error', (error) => stream.destroy(error));
  let decoded = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      decoded += chunk.length;
      yield chunk;
    }
  } catch (error) {
    throw new DamagedInput(path, decoded, error as Error);
  } finally {
    raw.destroy();
    stream.destroy();
  }
}

/** The first 64 KiB, or up to the end of the first line when that is longer (to 4 MiB). */
async function readSample(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of readBytes(path)) {
      chunks.push(chunk);
      size += chunk.length;
      if (size < SAMPLE_BYTES) continue;
      const head = Buffer.concat(chunks);
      if (head.subarray(0, SAMPLE_BYTES).includes(10) || size >= SAMPLE_LINE_BYTES) break;
    }
  } catch (error) {
    // A corrupt archive still yields what decoded before the damage; unreadable files fail here.
    if (!(error instanceof DamagedInput)) throw error;
  }
  const all = Buffer.concat(chunks);
  const firstLine = all.indexOf(10);
  const end = firstLine >= SAMPLE_BYTES ? Math.min(firstLine, SAMPLE_LINE_BYTES) : SAMPLE_BYTES;
  return all.subarray(0, Math.min(all.length, end)).toString('utf8');
}

/**
 * Streams a file's lines in 1 MiB blocks, with byte offsets; never holds the whole file. A line
 * longer than `maxLineBytes` comes back `cut`, holding its start only.
 */
export async function* readLines(path: string, maxLineBytes = MAX_LINE_BYTES): AsyncIterable<Line> {
  let carry: Buffer = Buffer.alloc(0);
  let number = 0;
  let offset = 0;
  /** Inside a line already handed back cut: its bytes are passed over up to the next newline. */
  let passing = false;
  for await (const chunk of readBytes(path)) {
    const block = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = block.indexOf(10, start); nl !== -1; nl = block.indexOf(10, start)) {
      const end = nl > start && block[nl - 1] === 13 ? nl - 1 : nl;
      if (passing) passing = false;
      else {
        number++;
        yield { text: block.toString('utf8', start, end), number, offset: offset + start };
      }
      start = nl + 1;
    }
    if (!passing && block.length - start > maxLineBytes) {
      number++;
      yield {
        text: block.toString('utf8', start, start + maxLineBytes),
        number,
        offset: offset + start,
        cut: true,
      };
      passing = true;
    }
    if (passing) start = block.length;
    offset += start;
    carry = block.subarray(start);
  }
  if (carry.length && !passing) {
    const end = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    yield { text: carry.toString('utf8', 0, end), number: number + 1, offset };
  }
}

export async function fileInput(path: string, name = basename(path)): Promise<Input> {
  const info = await stat(path);
  return {
    path,
    name,
    isDirectory: false,
    sample: await readSample(path),
    entries: [],
    size: info.size,
    lines: () => readLines(path),
  };
}

export async function folderInput(path: string, name = basename(path)): Promise<Input> {
  return {
    path,
    name,
    isDirectory: true,
    sample: '',
    entries: (await readdir(path)).sort(),
    size: 0,
    lines: async function* () {},
  };
}

export const childPath = (input: Input, entry: string) => join(input.path, entry);
