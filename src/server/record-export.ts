import { basename } from 'node:path';
import type { IncidentRecord, ReviewSubject } from '../library/index.js';
import { type Format, renderMarkdown } from '../render/index.js';
import type { Section } from '../report/index.js';
import { impactFields, importedPage } from './record-page.js';
import {
  exportedDocument,
  followUpOf,
  NARRATIVE,
  narrativeOf,
  type ReviewEdits,
  reviewJson,
} from './review.js';
import { addedFollowUps, addedTimeline } from './review-additions.js';

const shown = (v: string | number | null) => (v == null || v === '' ? '—' : String(v));

/** An imported postmortem with the author's edits, as sections the Markdown renderer writes. */
function importedSections(record: IncidentRecord, subject: ReviewSubject, edits: ReviewEdits): Section[] {
  const paragraph = (text: string) => [{ type: 'paragraph' as const, text }];
  const written = NARRATIVE.filter(([id]) => id !== 'summary' && narrativeOf(edits, id)).map(
    ([id, title]): Section => ({ id, title, blocks: paragraph(narrativeOf(edits, id)) }),
  );
  return [
    {
      id: 'summary',
      title: 'Summary',
      blocks: paragraph(narrativeOf(edits, 'summary') || record.summary || 'The document has no summary.'),
    },
    {
      id: 'impact',
      title: 'Impact',
      blocks: [
        {
          type: 'fields',
          items: impactFields(record).map(([label, value]): [string, string] => [label, shown(value)]),
        },
      ],
    },
    {
      id: 'root-cause',
      title: 'Root cause',
      blocks: paragraph(record.rootCause ?? 'The document states no root cause.'),
    },
    {
      id: 'timeline',
      title: 'Timeline',
      blocks:
        record.timeline.length || addedTimeline(edits).length
          ? [
              {
                type: 'table',
                columns: ['Time (UTC)', 'Kind', 'Entry'],
                rows: [
                  ...record.timeline.map((e) => [e.ts, e.kind, e.summary]),
                  ...addedTimeline(edits).map((e) => [e.ts, 'added in review', e.summary]),
                ],
              },
            ]
          : paragraph('The document has no timeline the import could read.'),
    },
    ...written,
    {
      id: 'follow-ups',
      title: 'Action items',
      blocks:
        subject.followUps.length || addedFollowUps(edits).length
          ? [
              {
                type: 'table',
                columns: ['Id', 'Action', 'Owner', 'Due', 'Status'],
                rows: [
                  ...subject.followUps.map((f) => ({ id: f.id, action: f.text, ...followUpOf(edits, f) })),
                  ...addedFollowUps(edits),
                ].map((f) => [f.id, f.action, shown(f.owner), shown(f.due), shown(f.status)]),
              },
            ]
          : paragraph('The document lists no action items.'),
    },
  ];
}

/**
 * An imported postmortem exported with the author's edits: Markdown and HTML show what the page
 * shows without its forms; JSON is the record (file name only, without the search text) and the
 * review.
 * @example importedExport(record, subject, edits, 'md') // '# Checkout outage\n\n…'
 */
export function importedExport(
  record: IncidentRecord,
  subject: ReviewSubject,
  edits: ReviewEdits,
  format: Format,
): string {
  const file = record.file && basename(record.file);
  if (format === 'json') {
    const { body: _body, ...fields } = record;
    return `${JSON.stringify({ ...fields, file, review: reviewJson(subject, edits) }, null, 2)}\n`;
  }
  if (format === 'html') return importedPage(record, subject, edits, '', '', { forExport: true }).html;
  const meta: [string, string][] = [
    ['Date', record.date ?? ''],
    ['Severity', record.severity ?? ''],
    ['Services', record.services.join(', ')],
    ['Imported from', file ?? ''],
  ];
  const doc = {
    title: record.title,
    meta: meta.filter(([, v]) => v),
    sections: importedSections(record, subject, edits),
  };
  return renderMarkdown(exportedDocument(doc, subject, edits));
}
