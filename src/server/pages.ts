import type { IncidentRecord } from '../library/index.js';
import type { Report } from '../model/index.js';
import { PAGE_STYLE } from '../render/html/style.js';
import { escapeHtml, renderers } from '../render/index.js';
import type { Postmortem } from '../report/index.js';
import type { ReviewEdits } from './review.js';
import { reviewForms } from './review-forms.js';

export interface Page {
  html: string;
  style: string;
}

/** The review forms' and navigation's look, added to the report's own stylesheet. */
const REVIEW_STYLE = `fieldset{border:1px solid #dee2e6;border-radius:4px;margin:.4rem 0}legend{font-weight:600}form label{margin-right:1rem}
nav{font-size:14px}nav a{margin-right:1rem}`;
const SERVED_STYLE = `${PAGE_STYLE}\n${REVIEW_STYLE}`;

function shell(title: string, body: string): Page {
  return {
    style: SERVED_STYLE,
    html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${SERVED_STYLE}</style></head>
<body>${body}</body></html>
`,
  };
}

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

/** The front page: incidents in the library, and the bundles this server was pointed at. */
export function listPage(
  records: IncidentRecord[],
  bundles: { path: string; id: string | null; error?: string }[],
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
<section id="incidents"><h2>Incidents in the library</h2>${rows ? `<ul>${rows}</ul>` : '<p>The library is empty.</p>'}</section>
</main>`,
  );
}

/** The report page as the HTML report renders it, with the review forms and export links added. */
export function incidentPage(
  doc: Postmortem,
  report: Report,
  edits: ReviewEdits,
  base: string,
  query: string,
): Page {
  const html = renderers.html(doc);
  const style = `${/<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''}\n${REVIEW_STYLE}`;
  const nav = `<nav>${link(`/${query}`, '← All incidents')}${['md', 'html', 'json'].map((f) => link(`${base}/export.${f}${query}`, `Export ${f.toUpperCase()}`)).join('')}</nav>`;
  const page = html
    // The report's own policy forbids forms; the server sends the policy for this page instead.
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '')
    .replace(/<style>[\s\S]*?<\/style>/, () => `<style>${style}</style>`)
    .replace('<main>', `${nav}\n<main>`)
    .replace('</main>', `${reviewForms(base, report, edits, query)}\n</main>`);
  return { html: page, style };
}

/** A library incident with no evidence bundle behind it: what the library keeps. */
export function recordPage(record: IncidentRecord, query: string): Page {
  const timeline = record.timeline
    .map((e) => `<li>${escapeHtml(`${e.ts} ${e.kind}: ${e.summary}`)}</li>`)
    .join('\n');
  return shell(
    record.title,
    `<nav>${link(`/${query}`, '← All incidents')}</nav><header><h1>${escapeHtml(record.title)}</h1></header><main>
<section id="summary"><h2>Summary</h2><p>${escapeHtml(record.summary)}</p></section>
<section id="timeline"><h2>Timeline</h2><ul>${timeline}</ul></section>
<p>Serve this incident's evidence bundle to review its claims and follow-ups.</p></main>`,
  );
}
