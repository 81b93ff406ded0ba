import type { Report, Series } from '../model/index.js';

/**
 * Inline text in a document: plain text in which `[[REF]]` marks a link to a timeline entry.
 * Renderers escape the text for their format and turn the marks into links.
 */
export type Inline = string;

export type Block =
  | { type: 'paragraph'; text: Inline }
  | { type: 'list'; items: Inline[]; ordered?: boolean }
  | { type: 'fields'; items: [string, Inline][] }
  | { type: 'table'; columns: string[]; rows: Inline[][]; anchors?: string[]; rowKinds?: string[] }
  | { type: 'chart'; chart: 'timeline' | 'series' };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export type Audience = 'internal' | 'executive' | 'customer';

/** The document model that renderers write out; audiences transform it, renderers never ask which. */
export interface Postmortem {
  title: string;
  audience: Audience;
  /** The report as this audience may see it (masked for customers). */
  report: Report;
  series: Series[];
  /** Label and value pairs shown under the title. */
  meta: [string, Inline][];
  sections: Section[];
}

export const ref = (r: string) => `[[${r}]]`;
export const REF_MARK = /\[\[([^\]]+)\]\]/g;
