import type { IncidentRecord, LibraryStats, ReviewSubject } from '../library/index.js';
import { escapeHtml, renderers } from '../render/index.js';
import type { Postmortem } from '../report/index.js';
import type { ReviewEdits } from './review.js';
import { reviewForms } from './review-forms.js';
import { link, type Page, REVIEW_STYLE, shell } from './shell.js';
import { statsSection } from './stats-section.js';

export type { Page } from './shell.js';

/** The front page: the library at a glance, its incidents, and the bundles this server was pointed at. */
export function listPage(
  records: IncidentRecord[],
  bundles: { path: string; id: string | null; error?: string }[],
  stats: LibraryStats,
  query: string,
): Page {
  const rows = records
    .map(
      (r) =>
        `<li>${link(`/incidents/${encodeURIComponent(r.id)}${query}`, r.title)} <span class="meta">${escapeHtml([r.date, r.severity, r.origin].filter(Boolean).join(' · '))}</span></li>`,
    )
    .join('\n');
  const bundleRows = bundles
    .map((b) =>
      b.id
        ? `<li>${link(`/incidents/${encodeURIComponent(b.id)}${query}`, b.path)}</li>`
        : `<li>${escapeHtml(b.path)}: ${escapeHtml(b.error ?? 'not generated')}</li>`,
    )
    .join('\n');
  return shell(
    'Hindsight review',
    `<header><h1>Hindsight review</h1></header><main>
<section id="bundles"><h2>Bundles</h2>${bundleRows ? `<ul>${bundleRows}</ul>` : '<p>No bundle given.</p>'}</section>
${statsSection(stats)}
<section id="incidents"><h2>Incidents in the library</h2>${rows ? `<ul>${rows}</ul>` : '<p>The library is empty.</p>'}</section>
</main>`,
  );
}

/**
 * The report page as the HTML report renders it, with the review forms and export links added;
 * `notice` says where the page came from when that matters (the library, without the bundle).
 */
export function incidentPage(
  doc: Postmortem,
  subject: ReviewSubject,
  edits: ReviewEdits,
  base: string,
  query: string,
  notice = '',
): Page {
  const html = renderers.html(doc);
  const style = `${/<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''}\n${REVIEW_STYLE}`;
  const nav = `<nav>${link(`/${query}`, '← All incidents')}${['md', 'html', 'json'].map((f) => link(`${base}/export.${f}${query}`, `Export ${f.toUpperCase()}`)).join('')}</nav>`;
  const note = notice ? `<p class="notice">${escapeHtml(notice)}</p>\n` : '';
  const page = html
    // The report's own policy forbids forms; the server sends the policy for this page instead.
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '')
    .replace(/<style>[\s\S]*?<\/style>/, () => `<style>${style}</style>`)
    .replace('<main>', () => `${nav}\n<main>${note}`)
    .replace('</main>', () => `${reviewForms(base, subject, edits, query)}\n</main>`);
  return { html: page, style };
}
