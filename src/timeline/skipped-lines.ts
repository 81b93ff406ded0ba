import type { Problem } from '../model/index.js';
import { skipTally } from '../model/index.js';

/** Lines listed per file and reason; the rest are counted in one closing entry. */
export const LISTED_PER_REASON = 20;
/** Notes (doubts about lines that were read) listed per file; the rest are counted in one entry. */
export const LISTED_NOTES = 100;

/**
 * Collects one input's skipped lines and notes as problems: every skipped line is counted, the
 * first few per reason are listed with their line numbers, and `close` adds one entry per reason
 * for the rest. Notes are about lines that were read, so they are listed but not counted as skipped.
 * @example const s = skippedLines('app.log', problems); s.skip(3, 'not a JSON line'); s.close()
 */
export function skippedLines(file: string, problems: Problem[], listed = LISTED_PER_REASON) {
  const tally = skipTally(listed, (line, message) => problems.push({ file, line, message }));
  let notes = 0;
  return {
    skip: tally.skip,
    note(line: number | null, message: string): void {
      if (++notes <= LISTED_NOTES) problems.push({ file, line, message, note: true });
    },
    /** Lines skipped so far, listed or not. */
    get count() {
      return tally.count;
    },
    close(): void {
      if (notes > LISTED_NOTES)
        problems.push({
          file,
          line: null,
          message: `${notes - LISTED_NOTES} more notes on lines that were read`,
          note: true,
        });
      for (const rest of tally.rest()) {
        const where = rest.first != null && rest.last != null ? ` (lines ${rest.first}–${rest.last})` : '';
        const lines = rest.count === 1 ? 'line' : 'lines';
        problems.push({
          file,
          line: null,
          message: `${rest.count.toLocaleString('en-US')} more ${lines}${where} skipped: ${rest.reason}`,
        });
      }
    },
  };
}
