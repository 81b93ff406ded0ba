import { createHash } from 'node:crypto';

/** Text as a reader compares it: the same words whatever the case, spacing or final stop. */
export const normalized = (text: string) =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.]+$/, '');

const digest = (parts: string[]) =>
  createHash('sha256').update(parts.map(normalized).join('\u0000')).digest('hex').slice(0, 16);

/**
 * A review edit's key, from what the item says rather than where it stands: a claim by its
 * statement, a suspect by its change's ref, a follow-up by its action. Regenerating
 * from new evidence renumbers items (CLM-003 becomes CLM-004); the key follows the words.
 */
export const contentKey = (kind: 'claim' | 'suspect' | 'follow-up', ...parts: string[]) =>
  `${kind}#${digest(parts)}`;

export const narrativeKey = (section: string) => `narrative:${section}`;

/** A key written before edits followed content: `claim:CLM-003`, `suspect:DEP-1`, `follow-up:FU-002`. */
export function legacyKey(key: string): { kind: 'claim' | 'suspect' | 'follow-up'; id: string } | null {
  const m = /^(claim|suspect|follow-up):(.+)$/.exec(key);
  return m ? { kind: m[1] as 'claim' | 'suspect' | 'follow-up', id: m[2] } : null;
}

/** True for a key made by `contentKey`. */
export const isContentKey = (key: string) => /^(claim|suspect|follow-up)#/.test(key);
