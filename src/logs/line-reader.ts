// Callbacks rather than an async iterator: one await per 1 MiB block, not one per line.
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

export interface LineReaderOptions {
  blockBytes?: number;
  /** Longer lines are reported through `onOverlong` and dropped without being held whole. */
  maxLineBytes?: number;
  /** Reads only bytes [start, end) of an uncompressed file; `start` must begin a line. */
  range?: ByteRange;
}

/** Half-open byte range of a file: [start, end). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface LineSink {
  /** `number` is 1-based; `offset` is the line's first byte in the (decompressed) file. */
  line(text: string, number: number, offset: number): void;
  overlong(number: number, offset: number): void;
  /**
   * When present, takes every line `line` would: as bytes [start, end) of `block` (UTF-8, without
   * the newline and a `\r` before it), valid only during the call; `ascii` when all the block's
   * lines are ASCII, which decode as latin1 then. The sink decodes what it needs.
   */
  bytes?(block: Buffer, start: number, end: number, number: number, offset: number, ascii: boolean): void;
}

async function* fileBlocks(path: string, blockBytes: number, range?: ByteRange): AsyncIterable<Buffer> {
  if (path.endsWith('.gz')) {
    if (range) throw new Error(`byte ranges need an uncompressed file: ${path}`);
    yield* createReadStream(path, { highWaterMark: blockBytes }).pipe(
      createGunzip(),
    ) as AsyncIterable<Buffer>;
    return;
  }
  const handle = await open(path, 'r');
  let position = range?.start ?? 0;
  const end = range?.end ?? Number.POSITIVE_INFINITY;
  try {
    while (position < end) {
      const want = Math.min(blockBytes, end - position);
      const block = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(block, 0, want, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield block.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Reads a log file (plain or .gz) in blocks and hands each line to `sink`, with its number and
 * byte offset.
 * With a `range`, offsets stay file offsets and line numbers count from the range's first line.
 * @example await readLogLines('app.log', { line: (text) => count++, overlong: () => {} })
 */
export async function readLogLines(
  path: string,
  sink: LineSink,
  { blockBytes = 1 << 20, maxLineBytes = 1 << 20, range }: LineReaderOptions = {},
): Promise<{ lines: number; bytes: number }> {
  let carry: Buffer = Buffer.alloc(0);
  let number = 0;
  let offset = range?.start ?? 0; // file offset of carry[0]
  let dropping = false; // inside an overlong line, until its newline
  for await (const chunk of fileBlocks(path, blockBytes, range)) {
    let block = chunk;
    let start = 0;
    if (carry.length) {
      // Only the line cut at the block's start is joined up, rather than the whole block copied.
      const nl = chunk.indexOf(10);
      if (nl < 0) block = Buffer.concat([carry, chunk]);
      else {
        const head = Buffer.concat([carry, chunk.subarray(0, nl + 1)]);
        emitLines(head, 0, carry.length + nl, isAscii(head) ? 'latin1' : 'utf8');
        offset += carry.length;
        start = nl + 1;
      }
    }
    if (dropping) {
      const nl = block.indexOf(10);
      if (nl < 0) {
        offset += block.length;
        carry = Buffer.alloc(0);
        continue;
      }
      dropping = false;
      start = nl + 1;
    }
    const last = block.lastIndexOf(10);
    if (last >= start) {
      emitLines(block, start, last, isAscii(block.subarray(start, last)) ? 'latin1' : 'utf8');
      start = last + 1;
    }
    offset += start;
    block = block.subarray(start);
    if (block.length > maxLineBytes) {
      sink.overlong(++number, offset);
      dropping = true;
      offset += block.length;
      carry = Buffer.alloc(0);
    } else carry = Buffer.from(block);
  }
  if (carry.length && !dropping)
    emitLines(Buffer.concat([carry, Buffer.from('\n')]), 0, carry.length, 'utf8');
  return { lines: number, bytes: offset + carry.length - (range?.start ?? 0) };

  // Each line is decoded on its own, into a flat string: scanners read its characters faster than
  // those of a slice of one big block string. ASCII decodes as latin1, the cheapest decoder.
  function emitLines(block: Buffer, from: number, last: number, encoding: 'latin1' | 'utf8') {
    const bytes = sink.bytes !== undefined;
    const ascii = encoding === 'latin1';
    let s = from;
    while (s <= last) {
      let nl = block.indexOf(10, s);
      if (nl < 0 || nl > last) nl = last;
      const stop = nl > s && block[nl - 1] === 13 ? nl - 1 : nl;
      if (stop - s > maxLineBytes) sink.overlong(++number, offset + s);
      else if (bytes) sink.bytes?.(block, s, stop, ++number, offset + s, ascii);
      else sink.line(block.toString(encoding, s, stop), ++number, offset + s);
      s = nl + 1;
    }
  }
}
