import { PAGE_STYLE } from '../render/html/style.js';
import { escapeHtml } from '../render/index.js';
import { STATS_STYLE } from './stats-style.js';

export interface Page {
  html: string;
  style: string;
}

/** The review forms' and navigation's look, added to the report's own stylesheet. */
export const REVIEW_STYLE = `fieldset{border:1px solid #dee2e6;border-radius:4px;margin:.4rem 0}legend{font-weight:600}form label{margin-right:1rem}label.remove{white-space:nowrap}
nav{font-size:14px}nav a{margin-right:1rem}.notice{background:#f8f9fa;border-left:4px solid #0d6efd;padding:.4rem .8rem}
#stale-edits{border:1px solid #ffe08a;background:#fffbea;border-radius:4px;padding:.2rem .8rem;margin-top:1rem}.stale-item{font-weight:600}`;

const SERVED_STYLE = `${PAGE_STYLE}\n${REVIEW_STYLE}\n${STATS_STYLE}`;

/** A served page with the report's look, the review styles and the stats charts' styles. */
export function shell(title: string, body: string): Page {
  return {
    style: SERVED_STYLE,
    html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${SERVED_STYLE}</style></head>
<body>${body}</body></html>
`,
  };
}

export const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
