import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { nlp } from './nlp.js';
import type { PostmortemDocument } from './parse.js';
import { type Section, sectionKind } from './sections.js';
import { startsWithActionVerb } from './verbs.js';

/** Fields enough for a list to be a document's outline rather than one list of labelled points. */
const FIELDS = 3;
/** Words a field's label runs to ("Time to resolve", "Review actions"): a name, not a sentence. */
const LABEL_WORDS = 4;

/** An item's label when it opens with one in bold ("**Impact**:", "**Key events**"), else null. */
function labelOf(item: ListItem): { label: string; colon: boolean } | null {
  const first = item.children[0];
  if (first?.type !== 'paragraph' || first.children[0]?.type !== 'strong') return null;
  const bold = textOf(first.children[0]).trim();
  const after = first.children[1];
  const colon = /:$/.test(bold) || (after?.type === 'text' && /^\s{0,3}:/.test(after.value));
  const label = bold.replace(/:\s*$/, '').trim();
  if (!label || label.split(/\s+/).length > LABEL_WORDS || /[.!?]$/.test(label)) return null;
  return { label, colon };
}

/** The item's content: its label taken off the first paragraph, the paragraph dropped when only the label. */
function contentOf(item: ListItem): RootContent[] {
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph') return item.children;
  const children = first.children.slice(1);
  const lead = children[0];
  if (lead?.type === 'text') children[0] = { ...lead, value: lead.value.replace(/^\s{0,3}:\s{0,3}/, '') };
  const said = children.some((c) => textOf(c).trim());
  const paragraph: Paragraph = { ...first, children: said ? children : [] };
  return said ? [paragraph, ...rest] : rest;
}

/**
 * A list that lays out the document's own parts: every item opens with a short bold label, most
 * with a colon, and at least one label names a part a postmortem has ("- **Impact**: …",
 * "- **Resolution**:", "- **Review actions**:" over a nested list), as a house template writes its
 * sections, rather than a list of bold-titled points.
 */
function isFieldList(list: List): boolean {
  const labels = list.children.map(labelOf);
  if (labels.length < FIELDS || labels.some((l) => l === null)) return false;
  const colons = labels.filter((l) => l?.colon).length;
  return colons * 2 > labels.length && labels.some((l) => l && sectionKind(l.label) !== null);
}

/**
 * The sections a document writes as a list of labelled fields at its top, under the title alone,
 * each item one section (the label its title, its text and nested lists its content).
 */
export function fieldSections(doc: PostmortemDocument): Section[] {
  const sections: Section[] = [];
  // The outline stands at the top, under the title alone: under a section's heading ("What went
  // well"), a list of labelled points is that section's content.
  const firstPart = doc.sections.find((s) => s.depth > 1)?.line ?? Number.POSITIVE_INFINITY;
  for (const node of doc.tree.children) {
    if ((node.position?.start.line ?? 0) > firstPart) break;
    if (node.type !== 'list' || !isFieldList(node)) continue;
    for (const item of node.children) {
      const { label } = labelOf(item)!;
      sections.push({
        title: label,
        kind: sectionKind(label),
        depth: 8,
        line: item.position?.start.line ?? 0,
        nodes: contentOf(item),
        endLine: item.position?.end.line ?? 0,
      });
    }
  }
  return sections;
}

/** Open tasks enough for a list of checkboxes to be a plan. */
const OPEN_TASKS = 2;

/** A task assigned: an owner or a due date given as a field ("owner:: Alexandre", "due: 2026-06-01"), or a handle. */
const ASSIGNED = /\b(?:owners?|assignee|due|deadline)\*{0,2}\s{0,2}::?\s{0,2}\S|(?<![\w.])@[A-Za-z][\w-]+/i;

/**
 * A section under a title that names no part ("Change Register") whose own lists are tasks mostly
 * left open and assigned ("* [ ] [due:: 2026-06-01] [owner:: Alexandre] Reduce …"): the checkboxes
 * are the planned work, its Action items. Open boxes with no one and no date on them are a
 * checklist to follow, not a plan.
 */
export function holdsOpenTasks(section: Section): boolean {
  const items = section.nodes.flatMap((n) => (n.type === 'list' ? n.children : []));
  const open = items.filter((i) => i.checked === false);
  const assigned = open.filter((i) => ASSIGNED.test(textOf(i.children[0] ?? i)));
  return open.length >= OPEN_TASKS && open.length * 2 > items.length && assigned.length * 2 >= open.length;
}

/**
 * The writers announcing the list after as work they take on, in the future or as under way: "We are
 * taking the following concrete actions:", "We will make these changes:", "We plan to:"; not what
 * they did or saw ("We've established …:", "We discover the following log error:").
 */
const ANNOUNCES_WORK =
  /(?:^|[.!?]\s{1,3})(?:we|i)\s{1,3}(?:will|shall|are\s{1,3}going\s{1,3}to|(?:plan|intend|aim)\s{1,3}to|(?:are|am)\s{1,3}(?:now\s{1,3}|also\s{1,3})?(?:committed\s{1,3}to|[a-z]{2,20}ing))\b[^.!?:]{0,120}:\s{0,3}$/i;

/** An item opens with an instruction: a verb action items use, or one in its base form. */
function instructs(item: ListItem): boolean {
  const text = textOf(item.children[0] ?? item).trim();
  if (startsWithActionVerb(text)) return true;
  const first = nlp(text.slice(0, 80)).terms().json()[0]?.terms[0] as { tags: string[] } | undefined;
  return !!first?.tags.includes('Verb') && first.tags.some((t) => t === 'Infinitive' || t === 'Imperative');
}

/**
 * A section under a title that names no part ("Moving Forward") whose paragraph announces what follows
 * as the writers' coming work ("We are taking the following concrete actions:") over lists of
 * instructions: those lists are its Action items, whatever their grouping under bold titles.
 */
export function announcesPlan(section: Section): boolean {
  // The section's own text, before any subsection under a heading of its own.
  const end = section.nodes.findIndex((n) => n.type === 'heading');
  const own = end < 0 ? section.nodes : section.nodes.slice(0, end);
  const at = own.findIndex(
    (n) => n.type === 'paragraph' && ANNOUNCES_WORK.test(textOf(n).replace(/\s+/g, ' ').trim()),
  );
  if (at < 0) return false;
  const items = own.slice(at + 1).flatMap((n) => (n.type === 'list' ? n.children : []));
  return items.length > 0 && items.filter(instructs).length * 2 > items.length;
}

const cache = new WeakMap<PostmortemDocument, Section[]>();

/** The document's sections with those it writes as labelled fields, in the order they are written. */
export function sectionsWithFields(doc: PostmortemDocument): Section[] {
  let all = cache.get(doc);
  if (!all) {
    const fields = fieldSections(doc);
    const own = doc.sections.map((s) =>
      s.kind === null && (holdsOpenTasks(s) || announcesPlan(s)) ? { ...s, kind: 'actionItems' as const } : s,
    );
    all = fields.length ? [...own, ...fields].sort((a, b) => a.line - b.line) : own;
    cache.set(doc, all);
  }
  return all;
}
