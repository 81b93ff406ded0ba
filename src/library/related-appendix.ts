import { existsSync } from 'node:fs';
import type { Report } from '../model/index.js';
import { defaultDbPath } from './data-dir.js';
import { isPostgresUrl, openLibrary } from './open.js';
import type { RelatedIncident } from './related.js';

export interface RelatedForReportOptions {
  /** `--db`: SQLite path or postgres:// URL; the platform default when absent. */
  db?: string;
  limit?: number;
}

/**
 * Past incidents related to a new report, for its appendix. A library that does not exist yet
 * has none, and is not created just to say so.
 * @example const related = await relatedForReport(report, { db: 'library.db' })
 */
export async function relatedForReport(
  report: Report,
  { db = defaultDbPath(), limit = 5 }: RelatedForReportOptions = {},
): Promise<RelatedIncident[]> {
  if (!isPostgresUrl(db) && db !== ':memory:' && !existsSync(db)) return [];
  const store = await openLibrary(db, { readonly: true });
  try {
    return await store.related(report, { limit });
  } finally {
    await store.close();
  }
}

/** The appendix as Markdown lines: each related incident with why it is related. */
export function relatedAppendixMarkdown(related: RelatedIncident[]): string {
  if (!related.length) return '## Related incidents\n\nNo related incidents in the library.\n';
  const items = related.map(
    (r) => `- **${r.id}** ${r.title}${r.date ? ` (${r.date})` : ''} — ${r.reasons.join('; ')}`,
  );
  return `## Related incidents\n\n${items.join('\n')}\n`;
}
