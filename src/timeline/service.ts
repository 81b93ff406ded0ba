import type { RawEvent } from '../model/index.js';
import { namesWord } from '../text/regexp.js';

/** "acme/checkout-service", "checkout-svc" and "Checkout" are one service: org prefix and suffixes set aside. */
export const serviceStem = (name: string) =>
  name
    .toLowerCase()
    .replace(/^.*\//, '')
    .replace(/[-_.](service|svc|app|deployment|deploy|prod|production)$/, '');

/**
 * The service an event concerns. Names that differ only in form (a repository, a Kubernetes app
 * label) become the manifest's name. An event recorded under a generic name ("ci", "monitoring")
 * that names a known service concerns that service; the recorder is kept in `attrs.recordedBy`.
 */
export function inferService(
  raw: RawEvent,
  known: string[],
  primary: string[],
  attrs: Record<string, unknown>,
): string | null {
  let given = raw.service ?? null;
  if (given && !primary.includes(given)) {
    const same = primary.find((p) => serviceStem(p) === serviceStem(given!));
    if (same) {
      attrs.recordedAs = given;
      given = same;
    }
  }
  if (given && primary.includes(given)) return given;
  const named = known
    .filter((s) => s !== given && namesWord(raw.summary, s))
    .sort((a, b) => b.length - a.length)[0];
  if (!named) return given;
  if (given) attrs.recordedBy = given;
  return named;
}
