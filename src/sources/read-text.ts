// How readers take a file's text: decompressed, within the caps, and with damage reported
// rather than thrown, so a bad `.gz` keeps what decoded before the damage.
import { DamagedInput, type Input, type Line, readBytes } from '../bundle/index.js';
import type { ReadContext } from '../model/index.js';
import { LIMITS } from './limits.js';

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** Reports a damaged archive as a skipped line; anything else is thrown on. */
function reportDamage(error: unknown, ctx: Pick<ReadContext, 'skip'>): void {
  if (!(error instanceof DamagedInput)) throw error;
  ctx.skip(null, `${error.message}; kept what decoded before the damage`);
}

/**
 * A file's lines, decompressed: a line past `LIMITS.lineBytes` and a damaged archive are
 * skipped lines; with `maxBytes`, reading stops there and says so.
 * @example for await (const line of linesOf(input, ctx)) handle(line.text)
 */
export async function* linesOf(
  input: Input,
  ctx: Pick<ReadContext, 'skip'>,
  {
    maxBytes = Number.POSITIVE_INFINITY,
    maxLines = Number.POSITIVE_INFINITY,
  }: { maxBytes?: number; maxLines?: number } = {},
): AsyncIterable<Line> {
  let bytes = 0;
  try {
    for await (const line of input.lines()) {
      if (line.cut) {
        ctx.skip(line.number, `line longer than ${mib(LIMITS.lineBytes)}: skipped`);
        continue;
      }
      bytes += Buffer.byteLength(line.text) + 1;
      if (line.number > maxLines) {
        ctx.skip(
          line.number,
          `stopped after ${maxLines.toLocaleString('en-US')} lines, the cap per document; the rest was not read`,
        );
        return;
      }
      if (bytes > maxBytes) {
        ctx.skip(line.number, `stopped at ${mib(maxBytes)}, the cap per document; the rest was not read`);
        return;
      }
      yield line;
    }
  } catch (error) {
    reportDamage(error, ctx);
  }
}

/**
 * A whole file's text, decompressed, up to `maxBytes` (a cut is reported, and what was read is
 * returned); a damaged archive keeps what decoded before the damage.
 * @example const text = await documentOf(input.path, ctx)
 */
export async function documentOf(
  path: string,
  ctx: Pick<ReadContext, 'skip'>,
  { maxBytes = LIMITS.documentBytes, label = '' }: { maxBytes?: number; label?: string } = {},
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of readBytes(path)) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) {
        ctx.skip(null, `${label}larger than ${mib(maxBytes)}, the cap per document: only its start was read`);
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof DamagedInput)) throw error;
    ctx.skip(null, `${label}${error.message}; kept what decoded before the damage`);
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}
