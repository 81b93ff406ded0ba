import { open } from 'node:fs/promises';
import { READING_LIMITS } from './reading-limits.js';

/**
 * Reads a document file as UTF-8, up to what the reading limit can use (4 bytes per character at
 * most), so a huge file never fills memory; the parser cuts it at the limit and says so.
 * @example const text = await readBounded('pm.md')
 */
export async function readBounded(
  path: string,
  maxBytes: number = READING_LIMITS.documentChars * 4 + 4,
): Promise<string> {
  const file = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < maxBytes) {
      const chunk = Buffer.alloc(Math.min(1 << 20, maxBytes - total));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (!bytesRead) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await file.close();
  }
}
