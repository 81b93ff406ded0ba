import type { Nodes } from 'mdast';
import { closedElements, isHtmlMarkup } from './html-markup.js';
import type { PostmortemDocument } from './parse.js';

export interface NumberedLine {
  line: number;
  text: string;
}

/** YAML or TOML front matter: metadata, not the author's prose. */
export const isFrontMatter = (node: { type: string }) => node.type === 'yaml' || node.type === 'toml';

/**
 * Lines of code blocks, raw HTML and front matter: quoted evidence, not the author's prose. Words in
 * angle brackets that name no HTML element ("<fill in>") are the author's text, though Markdown reads a tag.
 */
export function quotedLines(doc: PostmortemDocument): Set<number> {
  const lines = new Set<number>();
  const html: string[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'html') html.push(node.value);
    if ('children' in node) for (const child of node.children) collect(child);
  };
  collect(doc.tree);
  // "<details markdown>" … "</details>": an element the document closes is markup.
  const closed = closedElements(html);
  const visit = (node: Nodes) => {
    const quoted =
      node.type === 'code' ||
      isFrontMatter(node) ||
      (node.type === 'html' && isHtmlMarkup(node.value, closed));
    if (quoted && node.position) {
      for (let l = node.position.start.line; l <= node.position.end.line; l++) lines.add(l);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(doc.tree);
  return lines;
}

/** The author's own lines, with inline code and link targets blanked so patterns see only words. */
export function proseLines(doc: PostmortemDocument): NumberedLine[] {
  const quoted = quotedLines(doc);
  return doc.lines
    .map((text, i) => ({ line: i + 1, text }))
    .filter((l) => !quoted.has(l.line))
    .map((l) => ({
      line: l.line,
      text: l.text
        .replace(/`[^`]*`/g, ' ')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<https?:[^>]*>/g, ' '),
    }));
}

/** Every line, code included: secrets leak from code blocks too. */
export const allLines = (doc: PostmortemDocument): NumberedLine[] =>
  doc.lines.map((text, i) => ({ line: i + 1, text }));
