import { evidenceText } from './body.js';
import type { TrackerItem } from './follow-up-item.js';

/** Jira's CSV importer maps these column names on its field-mapping step without renaming. */
const COLUMNS = [
  'Summary',
  'Description',
  'Issue Type',
  'Priority',
  'Labels',
  'Labels',
  'Labels',
  'Owner Role',
];

const PRIORITY: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low' };

// RFC 4180: quote every cell; a quote inside is doubled. A leading = + - @ would run as a
// spreadsheet formula, so such a cell starts with an apostrophe.
const cell = (value: string) => `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`;

/** Jira labels cannot hold spaces. */
const label = (text: string) => text.trim().replace(/\s+/g, '-');

function description(item: TrackerItem): string {
  const lines = [
    item.action,
    '',
    `From the postmortem of ${item.incidentId}: ${item.incidentTitle} (follow-up ${item.id}).`,
  ];
  if (item.evidence.length)
    lines.push(
      '',
      'Evidence:',
      ...item.evidence.map((e) => `- ${e.ref} ${evidenceText(e)}${e.url ? ` ${e.url}` : ''}`.trimEnd()),
    );
  lines.push('', item.marker);
  return lines.join('\n');
}

/**
 * A CSV for Jira's CSV import (System → External system import → CSV): one row per follow-up.
 * Repeated `Labels` columns are how that importer takes several labels.
 */
export function jiraCsv(items: TrackerItem[]): string {
  const rows = items.map((item) =>
    [
      item.title,
      description(item),
      'Task',
      PRIORITY[item.priority ?? ''] ?? '',
      'hindsight',
      label(item.incidentId),
      item.type ? label(item.type) : '',
      item.ownerRole ?? '',
    ].map(cell),
  );
  return `${[COLUMNS.map(cell), ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}
