export { escapeHtml } from './escape.js';
export { anchorId, renderMarkdown } from './markdown.js';
export { type Format, formats, type Renderer, renderers } from './registry.js';
