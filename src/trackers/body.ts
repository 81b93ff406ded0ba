import type { EvidenceLink, TrackerItem } from './follow-up-item.js';

const KEEP_LINE = 'keep this line: a re-run of `hindsight follow-ups` updates this issue by it';

/** "type prevent · owner role service owner · priority high", from the fields the item has. */
export function facts(item: TrackerItem): string {
  return [
    item.type && `type: ${item.type}`,
    item.ownerRole && `owner role: ${item.ownerRole}`,
    item.priority && `priority: ${item.priority}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "2026-05-19T13:05:00Z · Deploy checkout v3.8.0 · github/deliveries.jsonl:3". */
export function evidenceText(e: EvidenceLink): string {
  return [e.ts, e.summary, e.source].filter(Boolean).join(' · ');
}

// Markdown inline code cannot hold a backtick; a ref with one is shown with it replaced.
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/**
 * The issue body in Markdown (GitHub, Linear): the action, its facts, the evidence it cites with
 * links, and the marker. GitHub hides the marker in an HTML comment; Linear shows it as a line.
 */
export function markdownBody(item: TrackerItem, { hiddenMarker = false }: { hiddenMarker?: boolean } = {}) {
  const lines = [item.action, ''];
  const f = facts(item);
  if (f) lines.push(`**${f}**`, '');
  lines.push(`From the postmortem of ${item.incidentId}: ${item.incidentTitle} (follow-up ${item.id}).`, '');
  if (item.evidence.length) {
    lines.push('Evidence:', '');
    for (const e of item.evidence) {
      const ref = e.url ? `[${code(e.ref)}](${e.url})` : code(e.ref);
      const text = evidenceText(e);
      lines.push(`- ${ref}${text ? ` ${text}` : ''}`);
    }
    lines.push('');
  }
  lines.push(hiddenMarker ? `<!-- ${item.marker} -->` : `${item.marker} (${KEEP_LINE})`);
  return `${lines.join('\n')}\n`;
}

type AdfText = { type: 'text'; text: string; marks?: Array<Record<string, unknown>> };
type AdfNode = { type: string; content?: Array<AdfNode | AdfText>; attrs?: Record<string, unknown> };

const text = (t: string, marks?: AdfText['marks']): AdfText =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t };
const paragraph = (...content: AdfText[]): AdfNode => ({ type: 'paragraph', content });

/** The same body in Atlassian Document Format, which Jira Cloud's REST v3 requires for a description. */
export function adfBody(item: TrackerItem): { version: 1; type: 'doc'; content: AdfNode[] } {
  const content: AdfNode[] = [paragraph(text(item.action))];
  const f = facts(item);
  if (f) content.push(paragraph(text(f, [{ type: 'strong' }])));
  content.push(
    paragraph(
      text(`From the postmortem of ${item.incidentId}: ${item.incidentTitle} (follow-up ${item.id}).`),
    ),
  );
  if (item.evidence.length) {
    content.push(paragraph(text('Evidence:')));
    content.push({
      type: 'bulletList',
      content: item.evidence.map((e) => {
        const ref = text(e.ref, [
          { type: 'code' },
          ...(e.url ? [{ type: 'link', attrs: { href: e.url } }] : []),
        ]);
        const rest = evidenceText(e);
        return { type: 'listItem', content: [paragraph(...(rest ? [ref, text(` ${rest}`)] : [ref]))] };
      }),
    });
  }
  content.push(paragraph(text(`${item.marker} (${KEEP_LINE})`)));
  return { version: 1, type: 'doc', content };
}
