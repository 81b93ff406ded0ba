export { escapeHtml } from './escape.js';
export { contentSecurityPolicy } from './html/page-security.js';
export { PAGE_STYLE } from './html/style.js';
export { anchorId, renderMarkdown } from './markdown.js';
export { type Format, formats, type Renderer, renderers } from './registry.js';
