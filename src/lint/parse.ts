import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';
import { isHtmlPage, pageAsMarkdown } from '../text/html-page.js';
import { repairMojibake } from './mojibake.js';
import { boundForReading, READING_LIMITS, type ReadingCut, type ReadingLimits } from './reading-limits.js';
import { type Section, sectionsOf } from './sections.js';

/** A human-written postmortem, read once and shared by every lint rule and by import. */
export interface PostmortemDocument {
  /** File name as messages show it. */
  name: string;
  /** The text as written (mis-decoded symbols repaired; lines unchanged). */
  text: string;
  lines: string[];
  tree: Root;
  /** YAML front matter, when the file starts with one. */
  frontMatter: Record<string, unknown>;
  sections: Section[];
  /** Lines whose mis-decoded symbols were repaired (UTF-8 once read as Mac Roman or Windows-1252). */
  repairedLines: number[];
  /** Where the text was cut for reading (too long, too deeply nested), so the parser stays fast. */
  cuts: ReadingCut[];
}

function readFrontMatter(tree: Root): Record<string, unknown> {
  const node = tree.children[0];
  if (node?.type !== 'yaml') return {};
  try {
    const value = parseYaml(node.value);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    // Broken front matter is only missing metadata, never a reason to stop.
    return {};
  }
}

/**
 * Parses Markdown (GFM tables and task lists, YAML front matter) into a document with sections.
 * @example parsePostmortem('# Outage\n\n## Summary\n\nIt broke.', 'pm.md').sections[1].title // 'Summary'
 */
export function parsePostmortem(
  source: string,
  name: string,
  { limits = READING_LIMITS }: { limits?: ReadingLimits } = {},
): PostmortemDocument {
  const unix = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // A postmortem saved as an HTML page is reviewed as the Markdown it shows, on its own lines.
  const bounded = boundForReading(isHtmlPage(unix) ? pageAsMarkdown(unix) : unix, limits);
  const original = bounded.text;
  const text = repairMojibake(original);
  const before = original.split('\n');
  const lines = text.split('\n');
  const repairedLines = lines.flatMap((line, i) => (line !== before[i] ? [i + 1] : []));
  const tree = fromMarkdown(text, {
    // YAML (---) and TOML (+++) front matter, as Jekyll, Hugo and Zola blogs write it.
    extensions: [gfm(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
  });
  return {
    name,
    text,
    lines,
    tree,
    frontMatter: readFrontMatter(tree),
    sections: sectionsOf(tree),
    repairedLines,
    cuts: bounded.cuts,
  };
}
