import type { Inline } from '../../report/index.js';
import { escapeHtml } from '../escape.js';
import { anchorId } from '../markdown.js';

/** Escaped text with `[[REF]]` marks as links to the timeline row; refs are split out before escaping. */
export function inline(text: Inline): string {
  return text
    .split(/\[\[([^\]]+?)\]\]/g)
    .map((part, i) =>
      i % 2 ? `<a class="ref" href="#${anchorId(part)}">${escapeHtml(part)}</a>` : escapeHtml(part),
    )
    .join('');
}
