import type { TimelineEntry } from '../../model/index.js';
import { formatTime } from '../../report/index.js';
import { fileLine } from '../../text/file-line.js';
import { escapeHtml } from '../escape.js';

/** The routine records folded into an entry, closed by default, one line each with its time and place. */
export function foldedList(entry: TimelineEntry, zone: string): string {
  const folded = entry.folded ?? [];
  if (!folded.length) return '';
  const items = folded.map((f) => {
    const where = fileLine(f.source);
    const local = zone !== 'UTC' ? ` (${formatTime(f.ts, zone).slice(11)} ${zone})` : '';
    return `<li><time datetime="${escapeHtml(f.ts)}">${formatTime(f.ts, 'UTC').slice(11)}</time>${escapeHtml(local)} ${escapeHtml(f.summary)} <span class="where">${escapeHtml(where)}</span></li>`;
  });
  return `<details class="folded"><summary>Show ${folded.length === 1 ? 'it' : `all ${folded.length}`}</summary><ol>${items.join('')}</ol></details>`;
}
