import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { binaryKind } from './binary.js';

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
  /** Set when the file is not text (an image, a database…): what it is, in a user's words. */
  binary?: string | null;
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
async function readSample(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    let lineEnds = false;
    for await (const chunk of readBytes(path)) {
      chunks.push(chunk);
      size += chunk.length;
      lineEnds ||= chunk.includes(10);
      if (size >= SAMPLE_BYTES && (lineEnds || size >= SAMPLE_LINE_BYTES)) break;
    }
  } catch (error) {
    // A corrupt archive still yields what decoded before the damage; unreadable files fail here.
    if (!(error instanceof DamagedInput)) throw error;
  }
  const all = Buffer.concat(chunks);
  const firstLine = all.indexOf(10);
  const end = firstLine >= SAMPLE_BYTES ? Math.min(firstLine, SAMPLE_LINE_BYTES) : SAMPLE_BYTES;
  return all.subarray(0, Math.min(all.length, end));
}

/**
 * Streams a file's lines in 1 MiB blocks, with byte offsets; never holds the whole file. A line
 * longer than `maxLineBytes` comes back `cut`, holding its start only.
 */
export const readLines = (path: string, maxLineBytes = MAX_LINE_BYTES): AsyncIterable<Line> =>
  linesOf(readBytes(path), maxLineBytes);

/**
 * The lines of a stream of blocks. Each byte is looked at once: a line spanning blocks is kept as
 * its pieces and joined when its end arrives; past `maxLineBytes` its start is handed back cut and
 * the rest passed over up to the next newline.
 */
export async function* linesOf(
  blocks: AsyncIterable<Buffer>,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncIterable<Line> {
  /** The pieces of the line begun in earlier blocks, and their length. */
  let pieces: Buffer[] = [];
  let held = 0;
  let number = 0;
  /** Offset of the current line's first byte, and of the current block's. */
  let lineStart = 0;
  let offset = 0;
  /** Inside a line already handed back cut: its bytes are passed over up to the next newline. */
  let passing = false;
  /** The line held in `bytes` from `start` to `end`. */
  const line = (bytes: Buffer, start: number, end: number): Line => {
    number++;
    if (end - start > maxLineBytes) {
      return {
        text: bytes.toString('utf8', start, start + maxLineBytes),
        number,
        offset: lineStart,
        cut: true,
      };
    }
    const last = end > start && bytes[end - 1] === 13 ? end - 1 : end;
    return { text: bytes.toString('utf8', start, last), number, offset: lineStart };
  };
  for await (const block of blocks) {
    let start = 0;
    for (let nl = block.indexOf(10); nl !== -1; nl = block.indexOf(10, start)) {
      if (passing) passing = false;
      else if (!held) yield line(block, start, nl);
      else {
        const whole = Buffer.concat([...pieces, block.subarray(start, nl)]);
        yield line(whole, 0, whole.length);
      }
      pieces = [];
      held = 0;
      start = nl + 1;
      lineStart = offset + start;
    }
    if (!passing && start < block.length) {
      pieces.push(block.subarray(start));
      held += block.length - start;
      if (held > maxLineBytes) {
        yield line(Buffer.concat(pieces, held), 0, held);
        pieces = [];
        held = 0;
        passing = true;
      }
    }
    offset += block.length;
  }
  if (held) yield line(Buffer.concat(pieces, held), 0, held);
}

export async function fileInput(path: string, name = basename(path)): Promise<Input> {
  const info = await stat(path);
  const sample = await readSample(path);
  return {
    path,
    name,
    isDirectory: false,
    sample: sample.toString('utf8'),
    entries: [],
    binary: binaryKind(sample),
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
