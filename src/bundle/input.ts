import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';

export interface Line {
  text: string;
  /** 1-based line number. */
  number: number;
  /** Byte offset of the line's first byte in the (decompressed) file. */
  offset: number;
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
const BLOCK_BYTES = 1 << 20;

export const isGzip = (path: string) => path.endsWith('.gz');

async function readSample(path: string): Promise<string> {
  if (isGzip(path)) {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = createReadStream(path).pipe(createGunzip());
    try {
      for await (const chunk of stream) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (size >= SAMPLE_BYTES) break;
      }
    } catch {
      // A corrupt archive still yields what decoded before the damage.
    }
    stream.destroy();
    return Buffer.concat(chunks).subarray(0, SAMPLE_BYTES).toString('utf8');
  }
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Streams a file's lines in 1 MiB blocks, with byte offsets; never holds the whole file. */
export async function* readLines(path: string): AsyncIterable<Line> {
  const stream = isGzip(path)
    ? createReadStream(path, { highWaterMark: BLOCK_BYTES }).pipe(createGunzip())
    : createReadStream(path, { highWaterMark: BLOCK_BYTES });
  let carry: Buffer = Buffer.alloc(0);
  let number = 0;
  let offset = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const block = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = block.indexOf(10, start); nl !== -1; nl = block.indexOf(10, start)) {
      const end = nl > start && block[nl - 1] === 13 ? nl - 1 : nl;
      number++;
      yield { text: block.toString('utf8', start, end), number, offset: offset + start };
      start = nl + 1;
    }
    offset += start;
    carry = block.subarray(start);
  }
  if (carry.length) {
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
