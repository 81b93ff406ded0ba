import type { Block, Inline, Postmortem } from '../report/index.js';
import { escapeHtml } from './escape.js';
import { KIND_COLOURS } from './kinds.js';
import { anchorId } from './markdown.js';
import { timelineChart } from './timeline-chart.js';

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#212529}
h1{font-size:1.7rem}h2{border-bottom:1px solid #dee2e6;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #dee2e6;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f8f9fa}tr:target,tr.hl{background:#fff3cd}.meta{color:#6c757d}.kind{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.3em}
.chart{border:1px solid #dee2e6;margin:.5rem 0}a{color:#0d6efd}@media print{a{color:inherit;text-decoration:none}.chart{break-inside:avoid}}`;

function inline(text: Inline): string {
  return escapeHtml(text).replace(
    /\[\[([^\]]+?)\]\]/g,
    (_, r: string) => `<a href="#${anchorId(r)}">${r}</a>`,
  );
}

function block(b: Block, doc: Postmortem): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${inline(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${tag}>`;
    }
    case 'fields':
      return `<table class="fields">${b.items.map(([k, v]) => `<tr><th>${inline(k)}</th><td>${inline(v)}</td></tr>`).join('')}</table>`;
    case 'table': {
      const head = `<tr>${b.columns.map((c) => `<th>${inline(c)}</th>`).join('')}</tr>`;
      const rows = b.rows
        .map((row, i) => {
          const id = b.anchors ? ` id="${anchorId(b.anchors[i])}"` : '';
          const kind = b.rowKinds?.[i];
          const dot = kind
            ? `<span class="kind" style="background:${KIND_COLOURS[kind as keyof typeof KIND_COLOURS] ?? '#ccc'}"></span>`
            : '';
          return `<tr${id}${kind ? ` data-kind="${escapeHtml(kind)}"` : ''}>${row.map((c, j) => `<td>${j === 0 ? dot : ''}${inline(c)}</td>`).join('')}</tr>`;
        })
        .join('');
      return `<table>${head}${rows}</table>`;
    }
    case 'chart':
      return b.chart === 'timeline' ? timelineChart(doc.report) : '';
  }
}

/** One self-contained HTML file: inline CSS and SVG, no script, nothing loaded from the network. */
export function renderHtml(doc: Postmortem): string {
  const r = doc.report;
  const meta = [
    r.incident.id,
    r.incident.severity && `severity ${r.incident.severity}`,
    r.incident.services.join(', '),
  ]
    .filter(Boolean)
    .join(' · ');
  const sections = doc.sections
    .map(
      (s) =>
        `<section id="${escapeHtml(s.id)}"><h2>${inline(s.title)}</h2>${s.blocks.map((b) => block(b, doc)).join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(doc.title)}</h1><p class="meta">${escapeHtml(meta)}</p></header>
${sections}
</body></html>
`;
}
