import { ownCopy } from './own-copy.js';
import type { MaskedLine } from './token-mask.js';

/** True when two token lists are equal, token by token. */
function sameTokens(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Remembers what recent masked lines were mapped to, found by the line's hash and confirmed token
 * by token, so an exact repeat needs neither a joined key nor the tree. Cleared when full; a
 * capacity of 0 remembers nothing.
 * @example const cache = lineCache<number>(1000); cache.set(line, 7); cache.get(line) // 7
 */
export function lineCache<T>(capacity: number) {
  const entries = new Map<number, { tokens: string[]; value: T }>();
  return {
    get(line: MaskedLine): T | undefined {
      const entry = entries.get(line.hash);
      return entry && sameTokens(entry.tokens, line.tokens) ? entry.value : undefined;
    },
    set(line: MaskedLine, value: T): void {
      if (capacity <= 0) return;
      if (entries.size >= capacity) entries.clear();
      entries.set(line.hash, { tokens: line.tokens.map(ownCopy), value });
    },
  };
}
