import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as textOf } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { GENERATED_MARK_HTML } from '../model/index.js';
import { contentSecurityPolicy, escapeHtml, PAGE_STYLE } from '../render/index.js';

/** The one HTML a template may write: the empty anchor a ref link lands on. */
const REF_ANCHOR = /^<a id="ref-[A-Za-z0-9_-]{1,200}">$/;
/** Links a page may hold: its own anchors, the web, mail. Anything else (javascript:, data:) stays text. */
const SAFE_URL = /^(#|https?:\/\/|mailto:)/i;

const STYLE = `${PAGE_STYLE}
tr:has(a:target){background:#fff3cd;outline:2px solid #fd7e14;outline-offset:-2px}
blockquote{border-left:3px solid #dee2e6;margin:0;padding-left:1rem;color:#495057}
code{background:#f8f9fa;padding:0 .2em;border-radius:3px}pre{background:#f8f9fa;padding:.5rem;overflow-x:auto}`;

/** mdast as HTML, every text escaped; raw HTML other than ref anchors is shown as text. */
class HtmlWriter {
  private openAnchors = 0;

  children(node: Parents): string {
    return node.children.map((c) => this.node(c as Nodes)).join('');
  }

  node(n: Nodes): string {
    switch (n.type) {
      case 'root':
        return this.children(n);
      case 'paragraph':
        return `<p>${this.children(n)}</p>\n`;
      case 'heading':
        return `<h${n.depth}>${this.children(n)}</h${n.depth}>\n`;
      case 'thematicBreak':
        return '<hr>\n';
      case 'blockquote':
        return `<blockquote>${this.children(n)}</blockquote>\n`;
      case 'list': {
        const tag = n.ordered ? 'ol' : 'ul';
        const start = n.ordered && n.start != null && n.start !== 1 ? ` start="${n.start}"` : '';
        return `<${tag}${start}>\n${this.children(n)}</${tag}>\n`;
      }
      case 'listItem': {
        const box =
          n.checked == null ? '' : `<input type="checkbox" disabled${n.checked ? ' checked' : ''}> `;
        // A tight item's paragraph is its text, as Markdown renderers write it.
        const inner = n.spread
          ? this.children(n)
          : n.children.map((c) => (c.type === 'paragraph' ? this.children(c) : this.node(c))).join('');
        return `<li>${box}${inner}</li>\n`;
      }
      case 'table': {
        const [head, ...rows] = n.children;
        const cells = (row: typeof head, tag: 'th' | 'td') =>
          row.children
            .map((c) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${this.children(c)}</${tag}>`)
            .join('');
        return `<div class="table-frame"><table><thead><tr>${head ? cells(head, 'th') : ''}</tr></thead><tbody>${rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table></div>\n`;
      }
      case 'code':
        return `<pre><code>${escapeHtml(n.value)}</code></pre>\n`;
      case 'inlineCode':
        return `<code>${escapeHtml(n.value)}</code>`;
      case 'emphasis':
        return `<em>${this.children(n)}</em>`;
      case 'strong':
        return `<strong>${this.children(n)}</strong>`;
      case 'delete':
        return `<del>${this.children(n)}</del>`;
      case 'break':
        return '<br>\n';
      case 'link':
        return SAFE_URL.test(n.url)
          ? `<a${n.url.startsWith('#') ? ' class="ref"' : ''} href="${escapeHtml(n.url)}">${this.children(n)}</a>`
          : this.children(n);
      case 'image':
        // The page loads nothing: an image is its description.
        return escapeHtml(n.alt ?? '');
      case 'html':
        return this.html(n.value);
      case 'text':
        return escapeHtml(n.value);
      default:
        return 'children' in n ? this.children(n as Parents) : escapeHtml(textOf(n));
    }
  }

  private html(value: string): string {
    if (REF_ANCHOR.test(value)) {
      this.openAnchors++;
      return value;
    }
    if (value === '</a>' && this.openAnchors > 0) {
      this.openAnchors--;
      return value;
    }
    return escapeHtml(value);
  }
}

export function markdownToHtml(markdown: string): string {
  const tree: Root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return new HtmlWriter().node(tree);
}

/**
 * A template's Markdown as one self-contained page, like the default HTML report: inline CSS, no
 * script, nothing loaded from the network.
 */
export function templatePage(markdown: string, title: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(STYLE)}">
<meta name="referrer" content="no-referrer">${GENERATED_MARK_HTML}
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${markdownToHtml(markdown)}</main>
</body></html>
`;
}
