import type { Report } from '../model/index.js';

export interface MetaOptions {
  /** State the display zone (documents that show times). */
  times?: boolean;
  /** Mark the document as a draft to review (documents not sent outside). */
  draft?: boolean;
}

/** The line under the title: incident id, severity, services, zone, status. */
export function metaFields(
  r: Report,
  { times = false, draft = false }: MetaOptions = {},
): [string, string][] {
  const fields: [string, string | null][] = [
    ['Incident', r.incident.id],
    ['Severity', r.incident.severity],
    ['Services', r.incident.services.length ? r.incident.services.join(', ') : null],
    ['Times', times ? `UTC${r.zone !== 'UTC' ? ` (local zone ${r.zone})` : ''}` : null],
    ['Status', draft ? 'draft generated from evidence — review before publishing' : null],
  ];
  return fields.filter((f): f is [string, string] => Boolean(f[1]));
}
