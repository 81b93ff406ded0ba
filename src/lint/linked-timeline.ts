import { sectionKind } from './sections.js';
import { unfencedLines } from './unfenced.js';

/** Words around a link that only point at it ("See", a date): the line says nothing of its own. */
const POINTER_WORDS = 3;

/** True when a line is a link and little else: "See [the status page](…)", "- 2023-02-01 - [Summary …](…)". */
export function isOnlyLink(text: string): boolean {
  const rest = text
    .replace(/!?\[[^\]\n]{0,300}\]\([^)\s]{0,500}\)|<?https?:\/\/[^\s)>\]]{1,300}>?/g, ' ')
    .replace(/\b\d{1,4}(?:[-/.]\d{1,2}){1,2}\b/g, ' ');
  return (rest.match(/\p{L}{2,}/gu) ?? []).length <= POINTER_WORDS;
}

/** A link whose own words name the timeline or chronology it leads to ("[timeline on our GHSA](…)"). */
const NAMED_LINK = /\[[^\]\n]{0,80}\b(?:timeline|chronology)\b[^\]\n]{0,80}\]\((https?:\/\/[^)\s]{1,300})\)/i;

/** A line that is a label and its value: "- Timeline: [Timeline](…) for the incident", "**Timeline**: <…>". */
const LABELLED =
  /^\s{0,12}(?:[-*+]\s{1,3}|\d{1,3}[.)]\s{1,3})?(?:\*\*|__)?(\p{L}[\p{L} ]{0,40})(?:\*\*|__)?:(.{1,1000})$/u;

/**
 * The timeline given only as a link in a labelled line ("Timeline: [Google doc](…)", under a
 * Context field or anywhere else) or a link named for it: the line's number and the link, else null. The timeline is
 * there, kept elsewhere, rather than missing.
 */
export function linkedTimelineLine(lines: string[]): { line: number; url: string } | null {
  for (const { line, text } of unfencedLines(lines)) {
    // "Here's our detailed chronological [timeline on our GHSA](…)": a link named for the timeline.
    const named = text.match(NAMED_LINK);
    if (named) return { line, url: named[1] };
    const m = text.match(LABELLED);
    if (!m || sectionKind(m[1].trim()) !== 'timeline') continue;
    const url = m[2].match(/https?:\/\/[^\s)>\]]{1,300}/)?.[0];
    if (url && isOnlyLink(m[2])) return { line, url };
  }
  return null;
}
