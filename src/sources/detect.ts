import type { Input } from '../bundle/index.js';
import type { Source } from '../model/index.js';
import { sourceList } from './registry.js';

/** The source that reads an input: the one named by the manifest, else the first whose detect accepts it. */
export function detectSource(input: Input, format?: string | null): Source | null {
  if (format) {
    const named = sourceList.find((s) => s.name === format || (s.aliases ?? []).includes(format));
    if (named) return named;
  }
  return sourceList.find((s) => s.detect(input)) ?? null;
}
