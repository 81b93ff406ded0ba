import type { Report } from '../model/index.js';
import { defaultDbPath } from './data-dir.js';
import { recordFromReport } from './from-report.js';
import { libraryLabel } from './library-label.js';
import { saveToLibrary } from './open.js';
import type { RelatedIncident } from './related.js';
import { relatedForReport } from './related-appendix.js';

export interface ReportLibraryOptions {
  /** SQLite path or postgres:// URL; the platform's data directory by default. */
  db?: string;
  /** Keep the report in the library (default true). */
  save?: boolean;
}

/**
 * Looks up related past incidents for a new report, then saves it. The library is a help, not a
 * gate: if it cannot be used the report is still written, and the reason comes back as a warning.
 */
export async function withLibrary(report: Report, { db, save = true }: ReportLibraryOptions = {}) {
  const warnings: string[] = [];
  let related: RelatedIncident[] = [];
  const self = recordFromReport(report).id;
  try {
    related = (await relatedForReport(report, { db })).filter((r) => r.id !== self);
  } catch (error) {
    warnings.push(`related incidents not looked up: ${(error as Error).message}`);
  }
  // A library the user never chose (the default file) must not pass unseen into the report.
  const note = `Incident library: ${libraryLabel(db ?? defaultDbPath())}; related incidents come from it${
    save ? ' and this report is saved to it' : ''
  } (choose another with --db or $HINDSIGHT_DB; --no-save leaves it unchanged).`;
  const dataQuality = { ...report.dataQuality, notes: [...report.dataQuality.notes, note] };
  const withRelated: Report = { ...report, dataQuality, related };
  if (save) {
    try {
      await saveToLibrary(withRelated, { db });
    } catch (error) {
      warnings.push(`report not saved to the library: ${(error as Error).message}`);
    }
  }
  return { report: withRelated, warnings };
}
