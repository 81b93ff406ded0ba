export { causeKindOf } from './cause-kind.js';
export { defaultDbPath } from './data-dir.js';
export { isReport, recordFromReport } from './from-report.js';
export { type ImportOptions, importFile, importText } from './import.js';
export { libraryOver } from './library.js';
export { libraryLabel } from './library-label.js';
export { MIGRATIONS } from './migrations.js';
export { isPostgresUrl, type OpenOptions, openLibrary, saveToLibrary } from './open.js';
export { postmortemPaths } from './postmortem-paths.js';
export { IncidentRecord, RecordDurations, RecordImpact, RecordTimelineEntry } from './record.js';
export { RelatedIncident, type RelatedOptions, relatedIncidents } from './related.js';
export {
  type RelatedForReportOptions,
  relatedAppendixMarkdown,
  relatedForReport,
} from './related-appendix.js';
export { type ReportLibraryOptions, withLibrary } from './report-library.js';
export { contentKey, isContentKey, legacyKey, narrativeKey, normalized } from './review-keys.js';
export {
  type FollowUpItem,
  type ReviewItem,
  type ReviewSubject,
  subjectOfRecord,
  subjectOfReport,
} from './review-subject.js';
export { withReviewedActions } from './reviewed-actions.js';
export { LibraryStats, libraryStats, median } from './stats.js';
export { type IncidentStore, SearchFilters, SearchResult, type StoreBackend } from './store.js';
