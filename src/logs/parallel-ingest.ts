// Splits a log into byte ranges that start on a line, so each worker thread can read its own part.
import { open, stat } from 'node:fs/promises';
import { type ByteRange, readLogLines } from './line-reader.js';
import { emptyRecord, type RecordReaderFactory } from './log-record.js';

export interface IngestCounts {
  lines: number;
  bytes: number;
  /** Lines the record reader turned down (bad JSON, no time) or that were too long. */
  skipped: number;
}

/** The first byte after the next newline at or after `from`, or the file size when there is none. */
async function lineStartAfter(path: string, from: number, size: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const block = Buffer.allocUnsafe(64 * 1024);
    for (let position = from; position < size; position += block.length) {
      const { bytesRead } = await handle.read(block, 0, block.length, position);
      const nl = block.subarray(0, bytesRead).indexOf(10);
      if (nl >= 0) return position + nl + 1;
      if (bytesRead === 0) break;
    }
    return size;
  } finally {
    await handle.close();
  }
}

/**
 * Cuts an uncompressed file into `parts` ranges of about equal size, each cut just after a newline;
 * together they cover the file exactly once (a part may be empty when lines are long).
 * @example await lineAlignedRanges('app.log', 2) // [{ start: 0, end: 5000123 }, { start: 5000123, end: 10000000 }]
 */
export async function lineAlignedRanges(path: string, parts: number): Promise<ByteRange[]> {
  const { size } = await stat(path);
  const cuts = [0];
  for (let k = 1; k < parts; k++) {
    const wanted = Math.max(cuts[k - 1], Math.floor((size * k) / parts) - 1);
    cuts.push(wanted >= size ? size : await lineStartAfter(path, wanted, size));
  }
  cuts.push(size);
  return cuts.slice(0, -1).map((start, k) => ({ start, end: cuts[k + 1] }));
}

/**
 * Reads one byte range line by line through a record reader and counts what it saw: the unit of
 * work one ingest worker thread does.
 * @example await ingestRange('app.log', { start: 0, end: 1 << 20 }, textRecordReader)
 */
export async function ingestRange(
  path: string,
  range: ByteRange,
  readerFor: RecordReaderFactory,
): Promise<IngestCounts> {
  const read = readerFor({ zone: 'UTC' });
  const readBytes = read.readBytes;
  const record = emptyRecord();
  let skipped = 0;
  const { lines, bytes } = await readLogLines(
    path,
    {
      line: (text) => {
        if (read(text, record) !== null) skipped++;
      },
      bytes:
        readBytes &&
        ((block, start, end, _number, _offset, ascii) => {
          if (readBytes(block, start, end, record, ascii) !== null) skipped++;
        }),
      overlong: () => void skipped++,
    },
    { range },
  );
  return { lines, bytes, skipped };
}
