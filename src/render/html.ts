import { GENERATED_MARK_HTML } from '../model/index.js';
import type { Postmortem } from '../report/index.js';
import { escapeHtml } from './escape.js';
import { block } from './html/blocks.js';
import { inline } from './html/inline.js';
import { contentSecurityPolicy } from './html/page-security.js';
import { PAGE_STYLE } from './html/style.js';
import { filterStyle } from './html/timeline-filters.js';

/**
 * One self-contained HTML file: inline CSS and SVG, no script, nothing loaded from the network;
 * refs link to timeline rows (highlighted with `:target`) and the timeline filters use CSS alone.
 */
export function renderHtml(doc: Postmortem): string {
  const style = `${PAGE_STYLE}\n${filterStyle(doc.report.timeline)}`;
  const meta = doc.meta.map(([label, value]) => `${escapeHtml(label)}: ${inline(value)}`).join(' · ');
  const sections = doc.sections
    .map((s) => {
      const blocks = s.blocks.map((b) => block(b, doc)).filter(Boolean);
      return blocks.length
        ? `<section id="${escapeHtml(s.id)}"><h2>${inline(s.title)}</h2>\n${blocks.join('\n')}</section>`
        : '';
    })
    .filter(Boolean)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(style)}">
<meta name="referrer" content="no-referrer">${GENERATED_MARK_HTML}
<title>${escapeHtml(doc.title)}</title><style>${style}</style></head>
<body><header><h1>${inline(doc.title)}</h1>${meta ? `<p class="meta">${meta}</p>` : ''}</header>
<main>
${sections}
</main>
</body></html>
`;
}
