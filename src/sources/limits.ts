import { MAX_LINE_BYTES } from '../bundle/index.js';

/**
 * What one file may cost at most; past a cap the rest is dropped and reported as a data-quality
 * problem (docs/errors.md lists them). Logs stream and keep templates, so they need none.
 */
export const LIMITS = {
  /** Bytes read of a file that is parsed as one document (JSON, Markdown, a Slack day). */
  documentBytes: 64 * 1024 * 1024,
  /** Lines read of a document read line by line (a Markdown timeline). */
  documentLines: 1_000_000,
  /** Bytes of one line; a longer line is skipped. */
  lineBytes: MAX_LINE_BYTES,
  /** Events one file may give. */
  eventsPerFile: 200_000,
  /** Metric points one file may give, over all its series. */
  pointsPerFile: 2_000_000,
};
