import { Report } from '../model/index.js';
import { redactAll } from '../redact/index.js';
import { isReport, recordFromReport } from './from-report.js';
import type { IncidentRecord } from './record.js';
import { relatedIncidents } from './related.js';
import { withReviewedActions } from './reviewed-actions.js';
import { libraryStats } from './stats.js';
import type { IncidentStore, StoreBackend } from './store.js';

const asRecord = (input: Report | IncidentRecord) => (isReport(input) ? recordFromReport(input) : input);

/** What the library hands out, redacted again: a library written by an older version may hold secrets. */
const redacted = async <T>(read: Promise<T>): Promise<T> => redactAll(await read);

/**
 * The library over any backend: saving reports and records, relations and statistics. Nothing
 * secret goes in or comes out, whoever calls it.
 */
export function libraryOver(backend: StoreBackend): IncidentStore {
  return {
    kind: backend.kind,
    get: (id) => redacted(backend.get(id)),
    report: (id) => redacted(backend.report(id)),
    list: () => redacted(backend.list()),
    search: (query, filters) => redacted(backend.search(query, filters)),
    migrations: () => backend.migrations(),
    putEdit: (incidentId, itemId, value) => backend.putEdit(incidentId, itemId, redactAll(value)),
    deleteEdit: (incidentId, itemId) => backend.deleteEdit(incidentId, itemId),
    edits: (incidentId) => redacted(backend.edits(incidentId)),
    close: () => backend.close(),
    async save(input) {
      const clean = redactAll(input);
      const record = asRecord(clean);
      await backend.put(record, isReport(clean) ? Report.parse(clean) : null);
      return record;
    },
    related: (target, options) => redacted(relatedIncidents(asRecord(redactAll(target)), backend, options)),
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
