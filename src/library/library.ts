import { Report } from '../model/index.js';
import { isReport, recordFromReport } from './from-report.js';
import type { IncidentRecord } from './record.js';
import { relatedIncidents } from './related.js';
import { withReviewedActions } from './reviewed-actions.js';
import { libraryStats } from './stats.js';
import type { IncidentStore, StoreBackend } from './store.js';

const asRecord = (input: Report | IncidentRecord) => (isReport(input) ? recordFromReport(input) : input);

/** The library over any backend: saving reports and records, relations and statistics. */
export function libraryOver(backend: StoreBackend): IncidentStore {
  return {
    kind: backend.kind,
    get: (id) => backend.get(id),
    report: (id) => backend.report(id),
    list: () => backend.list(),
    search: (query, filters) => backend.search(query, filters),
    migrations: () => backend.migrations(),
    putEdit: (incidentId, itemId, value) => backend.putEdit(incidentId, itemId, value),
    deleteEdit: (incidentId, itemId) => backend.deleteEdit(incidentId, itemId),
    edits: (incidentId) => backend.edits(incidentId),
    close: () => backend.close(),
    async save(input) {
      const record = asRecord(input);
      await backend.put(record, isReport(input) ? Report.parse(input) : null);
      return record;
    },
    related: (target, options) => relatedIncidents(asRecord(target), backend, options),
    async stats(options) {
      // Follow-ups count as the review page left them: given a due date there, or closed there.
      const records = await backend.list();
      const reviewed = await Promise.all(
        records.map(async (r) => withReviewedActions(r, await backend.edits(r.id))),
      );
      return libraryStats(reviewed, options);
    },
  };
}
