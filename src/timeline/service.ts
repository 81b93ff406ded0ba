import type { RawEvent } from '../model/index.js';
import { namesWord } from '../text/regexp.js';

/**
 * The service an event concerns. An event recorded under a generic name ("ci", "monitoring") that
 * names a known service concerns that service; the recorder is kept in `attrs.recordedBy`.
 */
export function inferService(
  raw: RawEvent,
  known: string[],
  primary: string[],
  attrs: Record<string, unknown>,
): string | null {
  const given = raw.service ?? null;
  if (given && primary.includes(given)) return given;
  const named = known
    .filter((s) => s !== given && namesWord(raw.summary, s))
    .sort((a, b) => b.length - a.length)[0];
  if (!named) return given;
  if (given) attrs.recordedBy = given;
  return named;
}
