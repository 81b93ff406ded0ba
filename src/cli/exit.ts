import { InputError } from '../errors.js';

export const EXIT = { ok: 0, failedCheck: 1, usage: 2 } as const;

/** The one place errors become exit codes: unusable input → 2 with one line; anything else is a bug. */
export function exitFor(error: unknown): number {
  if (error instanceof InputError) {
    process.stderr.write(`hindsight: ${error.message}\n`);
    return EXIT.usage;
  }
  const e = error as Error & { code?: string; exitCode?: number };
  // Commander has already printed its one line (see main.ts); every usage error is exit 2.
  if (e?.code?.startsWith('commander.')) return EXIT.usage;
  process.stderr.write(`hindsight: internal error: ${e?.stack ?? e}\n`);
  return EXIT.usage;
}
