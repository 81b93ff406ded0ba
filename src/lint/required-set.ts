import type { PostmortemDocument } from './parse.js';
import { normaliseTitle, type SectionKind, sectionKind } from './sections.js';

/** A section a postmortem must have: satisfied by a heading of the same kind, or with the same words. */
export interface RequiredSection {
  title: string;
  kind: SectionKind | null;
}

/** The default set: what the seeds and the common templates (Google SRE, PagerDuty, Atlassian) all have. */
export const DEFAULT_REQUIRED: RequiredSection[] = [
  { title: 'Summary', kind: 'summary' },
  { title: 'Impact', kind: 'impact' },
  { title: 'Timeline', kind: 'timeline' },
  { title: 'Root cause', kind: 'rootCause' },
  { title: 'Action items', kind: 'actionItems' },
];

/** Template headings that are instructions, not sections ("Additional Sections as required"). */
const OPTIONAL = /\b(optional|as required|if applicable|additional sections?|appendix)\b/i;

/**
 * A team template's headings as the required set: every heading below the document title, its
 * title cut at the first bracket or full stop ("Timeline (all times PST) DATE RANGE" → "Timeline").
 */
export function requiredFromTemplate(template: PostmortemDocument): RequiredSection[] {
  const headings = template.sections.filter((s) => s.depth <= 6);
  const top = Math.min(...headings.map((s) => s.depth));
  const titled =
    headings.filter((s) => s.depth === top).length === 1 ? headings.filter((s) => s.depth > top) : headings;
  const seen = new Set<string>();
  return titled
    .map((s) => s.title.split(/[(.[:]/)[0].trim())
    .filter((title) => title && !OPTIONAL.test(title))
    .filter((title) => !seen.has(normaliseTitle(title)) && seen.add(normaliseTitle(title)))
    .map((title) => ({ title, kind: sectionKind(title) }));
}
