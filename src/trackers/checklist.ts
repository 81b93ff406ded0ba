import { evidenceText, facts } from './body.js';
import type { TrackerItem } from './follow-up-item.js';

// A line break or a leading list marker inside a cell of text would start a new list item.
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The follow-ups as a Markdown task list to paste into any tracker or chat, evidence under each.
 * @example checklist(trackerItems(report))
 */
export function checklist(items: TrackerItem[]): string {
  if (!items.length) return 'No follow-ups in this report.\n';
  const lines = [`# Follow-ups: ${oneLine(items[0]!.incidentTitle)}`, ''];
  for (const item of items) {
    const f = facts(item);
    lines.push(`- [ ] **${item.id}** ${oneLine(item.action)}${f ? ` (${f})` : ''}`);
    for (const e of item.evidence) {
      const ref = e.url ? `[${e.ref}](${e.url})` : `\`${e.ref.replace(/`/g, "'")}\``;
      const text = oneLine(evidenceText(e));
      lines.push(`  - ${ref}${text ? ` ${text}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
