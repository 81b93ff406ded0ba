import type { Problem } from '../model/index.js';
import { skipTally } from '../model/index.js';

/** Lines listed per file and reason; the rest are counted in one closing entry. */
export const LISTED_PER_REASON = 20;

/**
 * Collects one input's skipped lines as problems: every line is counted, the first few per reason
 * are listed with their line numbers, and `close` adds one entry per reason for the rest.
 * @example const s = skippedLines('app.log', problems); s.skip(3, 'not a JSON line'); s.close()
 */
export function skippedLines(file: string, problems: Problem[], listed = LISTED_PER_REASON) {
  const tally = skipTally(listed, (line, message) => problems.push({ file, line, message }));
  return {
    skip: tally.skip,
    /** Lines skipped so far, listed or not. */
    get count() {
      return tally.count;
    },
    close(): void {
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
