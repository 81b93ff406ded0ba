import type { Root, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';

/** What a section is for, recognised from its title the way templates name it. */
export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'rootCause'
  | 'actionItems'
  | 'lessons'
  | 'resolution';

/** A heading — Markdown or a paragraph that is only bold text — and what follows it. */
export interface Section {
  title: string;
  kind: SectionKind | null;
  /** 1–6 for Markdown headings; 7 for bold-paragraph headings, which nest under any heading. */
  depth: number;
  line: number;
  /** Nodes up to the next heading of the same or a higher level (subsections included). */
  nodes: RootContent[];
  /** Last line of the section's content. */
  endLine: number;
}

/** Title patterns, most specific first: "Root Cause and Resolution" is a root cause section. */
const KINDS: [SectionKind, RegExp][] = [
  ['timeline', /\b(timelines?|chronology|sequence of events)\b/],
  [
    'actionItems',
    /\b(action items?|actions?|follow[- ]?ups?|corrective|preventa?t?ive|prevention|remediations?|next steps|action plan|recommendations?|to-?dos?|improvements?|opportunit(?:y|ies)|future (?:work|plan|measure|step)s?|going forward|looking (?:forward|ahead)|what (?:are )?we(?: are| ?'?re)? (?:doing|going to do|will do|changing)|what we(?: ?'?ll| will| are going to| plan to) (?:change|do|fix|improve)|what to do (?:better|differently)|what ?s next|what comes next|how (?:are|will|do|can) we (?:make|making|prevent|preventing|reduce|reducing|improve|improving|ensure|ensuring|avoid|avoiding)|less likely|(?:avoid|prevent|stop)(?:ing)? (?:this|it|that|a recurrence|a repeat)(?: [a-z]{1,12}){0,3} (?:again|in (?:the )?future)|(?:ensure|make sure) (?:this|it|that) (?:does ?n ?t|won ?t|will not|never) happen(?:s)? again)\b|^(?:(?:still|left) open|(?:open|outstanding|remaining) (?:items?|tasks?|work|follow[- ]?ups?))$/,
  ],
  [
    'rootCause',
    /\b(root causes?|causes?|rca|(?:5 |five )?whys|contributing factors?|what went wrong|why (?:did )?(?:it|this) happen(?:ed)?|how (?:did )?(?:this|it) (?:happen|happened)|how (?:did|could|was|were) (?:we|they|this|it)(?: [a-z]{1,12}){0,3} (?:this|it )?happen)\b/,
  ],
  [
    'impact',
    /\b(impacts?|affected (systems|services|users|customers)|blast radius|consequences?|(?:user|customer)[- ]facing|who (?:was|is) affected)\b/,
  ],
  ['summary', /\b(summary|overview|tl;?dr|abstract|synopsis)\b/],
  ['lessons', /\b(lessons?( learned)?|takeaways?|what went well|what (?:can|did|have) we learn(?:ed)?)\b/],
  ['resolution', /\b(resolution|recovery|mitigations?|response|how (it was|we) (fixed|resolved))\b/],
];

/** A heading as templates compare it: no emphasis, numbering, emoji or trailing colon. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/^\s*(\d+(\.\d+)*[.)]?|[ivx]+\.)\s+/, '')
    .replace(/[^\p{L}\p{N}&;/\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Titles that name the planned work itself, not a theme a lesson may carry ("An ounce of prevention"). */
const NAMES_ACTIONS =
  /\b(actions?|action items?|follow[- ]?ups?|corrective|remediations?|next steps|action plan|to-?dos?)\b/;
const WENT_WRONG = /^what went wrong$/;
/** Kinds a subsection keeps under a Lessons section; any other title there is one lesson's own title. */
const KEPT_UNDER_LESSONS = new Set<SectionKind>(['summary', 'impact', 'timeline', 'rootCause']);

/**
 * A subsection read in its parent's light: under a Lessons section, a heading is a lesson's title
 * ("An ounce of prevention…", "Abuse reporting & responses"), unless it names the action items.
 */
function kindUnder(parent: SectionKind | null, title: string, own: SectionKind | null): SectionKind | null {
  if (parent !== 'lessons') return own;
  // "What went wrong" under Lessons lists what could have gone better (a lesson), not the cause:
  // a cause it states is read by its content.
  if (own === 'rootCause' && WENT_WRONG.test(normaliseTitle(title))) return 'lessons';
  if (own && KEPT_UNDER_LESSONS.has(own)) return own;
  if (own === 'actionItems' && NAMES_ACTIONS.test(normaliseTitle(title))) return own;
  return 'lessons';
}

export function sectionKind(title: string): SectionKind | null {
  const kindOf = (t: string) => KINDS.find(([, re]) => re.test(t))?.[0] ?? null;
  // "Mitigation (would have reduced impact / recovery time)": the title names the part, a gloss in
  // brackets only explains it; the gloss is read when the title outside it names none.
  const bare = title.replace(/\([^()]{0,200}\)/g, ' ');
  return (bare !== title ? kindOf(normaliseTitle(bare)) : null) ?? kindOf(normaliseTitle(title));
}

/** The title of a paragraph that is nothing but bold text (`**Timeline:**`), else null. */
function boldHeading(node: RootContent): string | null {
  if (node.type !== 'paragraph') return null;
  const parts = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  const [first, rest] = parts;
  // "***How did we allow this to happen?***": bold within italics is bold.
  const bold = first?.type === 'emphasis' && first.children.length === 1 ? first.children[0] : first;
  if (bold?.type !== 'strong') return null;
  if (rest && !(parts.length === 2 && rest.type === 'text' && /^\s*:\s*$/.test(rest.value))) return null;
  const title = textOf(first).trim();
  if (!title || title.length > 80 || /:\s*\S/.test(title)) return null;
  return title.replace(/:\s*$/, '');
}

const lineOf = (node: RootContent) => node.position?.start.line ?? 0;
const endLineOf = (node: RootContent) => node.position?.end.line ?? 0;

/** The document's sections in order; a section's nodes include its subsections. */
export function sectionsOf(tree: Root): Section[] {
  const heads: { index: number; title: string; depth: number }[] = [];
  tree.children.forEach((node, index) => {
    if (node.type === 'heading') heads.push({ index, title: textOf(node).trim(), depth: node.depth });
    else {
      const bold = boldHeading(node);
      if (bold) heads.push({ index, title: bold, depth: 7 });
    }
  });
  // The document's title ("# Broken Deploys with No Actions Budget …") heads every other section:
  // when they are the parts of a report (two kinds or more besides its own) and one of them is of
  // the kind its words suggest ("## Action Items"), it names the incident, not that part. A
  // "Lessons" section over "What went well" and "What went wrong" is still one part.
  const [first] = heads;
  const firstKind = first ? sectionKind(first.title) : null;
  const below = heads.slice(1).map((other) => sectionKind(other.title));
  const titleOnly =
    firstKind !== null &&
    heads.slice(1).every((other) => other.depth > first.depth) &&
    below.includes(firstKind) &&
    new Set(below.filter((kind) => kind !== null && kind !== firstKind)).size >= 2;
  const sections: Section[] = [];
  heads.forEach((head, h) => {
    const next = heads.slice(h + 1).find((other) => other.depth <= head.depth);
    const nodes = tree.children.slice(head.index + 1, next ? next.index : tree.children.length);
    const node = tree.children[head.index];
    const parent = [...sections].reverse().find((s) => s.depth < head.depth && s.endLine >= lineOf(node));
    sections.push({
      title: head.title,
      kind:
        h === 0 && titleOnly ? null : kindUnder(parent?.kind ?? null, head.title, sectionKind(head.title)),
      depth: head.depth,
      line: lineOf(node),
      nodes,
      endLine: nodes.length ? endLineOf(nodes[nodes.length - 1]) : endLineOf(node),
    });
  });
  return sections;
}

/** The first section of a kind, preferring the shallowest heading. */
export function findSection(sections: Section[], kind: SectionKind): Section | undefined {
  const matches = sections.filter((s) => s.kind === kind);
  return matches.sort((a, b) => a.depth - b.depth || a.line - b.line)[0];
}
