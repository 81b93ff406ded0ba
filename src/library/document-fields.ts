import { basename } from 'node:path';
import { findSection, type PostmortemDocument } from '../lint/index.js';

// What a written postmortem says about itself: title, id, front matter, a section's text.

export const frontMatterField = (doc: PostmortemDocument, key: string) => {
  const value = doc.frontMatter[key];
  return value == null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
};

export function sectionText(
  doc: PostmortemDocument,
  kind: Parameters<typeof findSection>[1],
  max: number,
): string | null {
  const section = findSection(doc.sections, kind);
  if (!section) return null;
  const text = doc.lines
    .slice(section.line, section.endLine)
    .join('\n')
    .replace(/\s+/g, ' ')
    .replace(/[*_`#>]/g, '')
    .trim();
  return text ? text.slice(0, max) : null;
}

/** The first paragraph after the title: the summary of documents without a Summary section. */
export function leadParagraph(doc: PostmortemDocument): string {
  const paragraph = doc.tree.children.find(
    (n) => n.type === 'paragraph' && n.position && doc.lines[n.position.start.line - 1].trim().length > 40,
  );
  if (!paragraph?.position) return '';
  return doc.lines
    .slice(paragraph.position.start.line - 1, paragraph.position.end.line)
    .join(' ')
    .replace(/[*_`]/g, '')
    .trim();
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/\.(md|markdown|txt|html?)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

export function idOf(doc: PostmortemDocument, title: string): string {
  const explicit = frontMatterField(doc, 'id') ?? frontMatterField(doc, 'uuid');
  if (explicit) return explicit;
  const written = `${title} ${basename(doc.name)}`.match(/\b(INC-\d[\w-]*|PM\d{4}-\d{3})\b/)?.[1];
  return written ?? (slug(basename(doc.name)) || 'incident');
}

/** Headings that name the document type, not the incident. */
const GENERIC_TITLE = /^(task \d.*|post-?mortem( report)?|incident report|report)$/i;

export function titleOf(doc: PostmortemDocument, summary: string): string {
  const top = Math.min(...doc.sections.map((s) => s.depth));
  const heading = doc.sections.find(
    (s) => s.depth <= Math.max(2, top) && !s.kind && !GENERIC_TITLE.test(s.title.trim()),
  );
  const sentence = summary.split(/(?<=[.!?])\s/)[0]?.slice(0, 100);
  return (frontMatterField(doc, 'title') ?? heading?.title ?? (sentence || basename(doc.name)))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text below any front matter: its fetch dates are no incident dates. */
export function content(doc: PostmortemDocument): string {
  const yaml = doc.tree.children[0]?.type === 'yaml' ? (doc.tree.children[0].position?.end.line ?? 0) : 0;
  return doc.lines.slice(yaml).join('\n');
}
