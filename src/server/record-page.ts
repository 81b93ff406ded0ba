import { basename } from 'node:path';
import type { IncidentRecord, ReviewSubject } from '../library/index.js';
import { escapeHtml } from '../render/index.js';
import { duration } from './duration.js';
import { followUpOf, NARRATIVE, narrativeOf, type ReviewEdits } from './review.js';
import { addedFollowUps, addedTimeline } from './review-additions.js';
import { reviewForms, staleList } from './review-forms.js';
import { link, type Page, shell } from './shell.js';

const cell = (v: string | number | null) => `<td>${escapeHtml(v == null || v === '' ? '—' : String(v))}</td>`;
const para = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** The title and meta line, with a link back to the library unless `query` is null (an export). */
function header(record: IncidentRecord, query: string | null): string {
  const meta = [
    record.date,
    record.severity,
    record.services.join(', '),
    record.file && basename(record.file),
  ]
    .filter(Boolean)
    .join(' · ');
  const nav = query === null ? '' : `<nav>${link(`/${query}`, '← All incidents')}</nav>`;
  return `${nav}<header><h1>${escapeHtml(record.title)}</h1><p class="meta">${escapeHtml(meta)}</p></header>`;
}

function timeline(record: IncidentRecord, edits: ReviewEdits): string {
  const added = addedTimeline(edits);
  const rows = [
    ...record.timeline.map((e) => `<tr>${cell(e.ts)}${cell(e.kind)}${cell(e.summary)}</tr>`),
    ...added.map((e) => `<tr>${cell(e.ts)}${cell('added in review')}${cell(e.summary)}</tr>`),
  ].join('\n');
  const table = `<div class="table-frame"><table><thead><tr><th>Time (UTC)</th><th>Kind</th><th>Entry</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  if (!record.timeline.length)
    return `<p>The document has no timeline the import could read.</p>${added.length ? table : ''}`;
  return table;
}

/** The impact an imported postmortem states, as label and value (null when it states none). */
export function impactFields(record: IncidentRecord): [string, string | number | null][] {
  const i = record.impact;
  return [
    ['Duration', i.durationSeconds == null ? null : duration(i.durationSeconds)],
    ['Users affected', i.usersAffected],
    ['Users affected (%)', i.usersAffectedPercent],
    ['Error rate (%)', i.errorRatePercent],
  ];
}

function impact(record: IncidentRecord): string {
  const rows = impactFields(record);
  return `<table class="fields"><tbody>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th>${cell(v)}</tr>`).join('')}</tbody></table>`;
}

/**
 * A postmortem imported from a written document: what the import read (summary, impact, root
 * cause, timeline, action items), with the author's narrative and follow-up edits. It has no
 * claims or suspects, so it offers no decisions.
 */
export function importedPage(
  record: IncidentRecord,
  subject: ReviewSubject,
  edits: ReviewEdits,
  base: string,
  query: string,
  { forExport = false } = {},
): Page {
  const summary = narrativeOf(edits, 'summary') || record.summary;
  const items = [
    ...subject.followUps.map((f) => ({ id: f.id, action: f.text, ...followUpOf(edits, f) })),
    ...addedFollowUps(edits),
  ]
    .map((f) => `<tr>${cell(f.id)}${cell(f.action)}${cell(f.owner)}${cell(f.due)}${cell(f.status)}</tr>`)
    .join('\n');
  const written = NARRATIVE.filter(([id]) => id !== 'summary' && narrativeOf(edits, id))
    .map(([id, title]) => `<section id="${id}"><h2>${title}</h2>${para(narrativeOf(edits, id))}</section>`)
    .join('\n');
  return shell(
    record.title,
    `${forExport ? header(record, null) : header(record, query)}<main>
${forExport ? '' : '<p class="notice">Imported from a written postmortem: it has no claims or suspects to decide on. Its narrative and action items can be edited below.</p>'}
<section id="summary"><h2>Summary</h2>${para(summary || 'The document has no summary.')}</section>
<section id="impact"><h2>Impact</h2>${impact(record)}</section>
<section id="root-cause"><h2>Root cause</h2>${para(record.rootCause ?? 'The document states no root cause.')}</section>
<section id="timeline"><h2>Timeline</h2>${timeline(record, edits)}</section>
${written}
<section id="follow-ups"><h2>Action items</h2>${items ? `<table><thead><tr><th>Id</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th></tr></thead><tbody>${items}</tbody></table>` : '<p>The document lists no action items.</p>'}</section>
${forExport ? staleList(subject, edits) : reviewForms(base, subject, edits, query, { decisions: false })}
</main>`,
  );
}

/** A generated incident saved before the library kept whole reports: its summary, read-only. */
export function summaryPage(record: IncidentRecord, query: string): Page {
  const entries = record.timeline
    .map((e) => `<li>${escapeHtml(`${e.ts} ${e.kind}: ${e.summary}`)}</li>`)
    .join('\n');
  return shell(
    record.title,
    `${header(record, query)}<main>
<p class="notice">This incident was saved before the library kept whole reports. Serve its evidence bundle (or generate it again) to review its claims and follow-ups.</p>
<section id="summary"><h2>Summary</h2>${para(record.summary)}</section>
<section id="timeline"><h2>Timeline</h2><ul>${entries}</ul></section></main>`,
  );
}
