import type { Nodes, Paragraph } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { termsOf } from './nlp.js';
import type { PostmortemDocument } from './parse.js';

/** A template's instruction to the author, left in the document. */
export interface InstructionLeftover {
  line: number;
  /** The instruction's first sentence, as written. */
  text: string;
}

/**
 * Verbs a template uses to tell its author what to write ("Describe the impact", "List the steps
 * taken") and that authors seldom open a sentence of their own account with.
 */
const ASKS =
  /^(?:please\s{1,3})?(?:briefly\s{1,3})?(?:describe|list(?!\s{1,3}of\b)|explain|summari[sz]e|outline|provide|insert|fill\s{1,3}(?:in|out)|enter|specify|paste)\b/i;
/** Verbs an instruction shares with planned work ("Add a link here" beside "Add an alert"). */
const ASKS_TOO =
  /^(?:please\s{1,3})?(?:include|write|replace|give|mention|detail|document|add|link|note\s{1,3}down|identify|state)\b/i;
/**
 * What a template's own prose names: a list, a summary or a description of the thing to write, or
 * the things themselves by a relative clause ("Things that could have gone better.").
 */
const DESCRIBES =
  /^(?:an?\s{1,3}|the\s{1,3})?(?:(?:brief|short|quick|concise|detailed|high-level|one-line|few)\s{1,3}){0,2}(?:(?:list|summary|description|overview|explanation|account|narrative|breakdown|sentences?)\s{1,3}(?:of|about|on|describing|explaining)|(?:things|items|events|steps|actions)\s{1,3}(?:that|which)\s{1,3}[^.]{1,60}\.)/i;
/**
 * Words that point at the document or its author, as only a template's instruction does; "below" or
 * "above" before a figure ("below 10%") compares, it does not point.
 */
const ADDRESSES =
  /\b(?:here|(?:below|above)(?!\s{0,3}[-+$€£~]?\d)|this\s{1,3}(?:section|document|template|report|post-?mortem|page|heading)|these\s{1,3}(?:sections|headings|subheadings)|e\.\s?g\.|for\s{1,3}(?:example|instance)|if\s{1,3}(?:any|applicable|relevant|needed|necessary|possible|known)(?=\s{0,2}(?:[)\].,;:!?*_]|$))|as\s{1,3}(?:needed|appropriate|required)|you|your|sample|bullet\s{1,3}points?|(?:one|two|three|a\s{1,3}few|\d)(?:\s{0,2}-\s{0,2}\d)?\s{1,3}(?:sentences?|paragraphs?|lines?))\b/i;
/** An example given in brackets inside the item's sentence: "(for instance ensure hugo builds …)", "(e.g. Redis)". */
const GIVEN_EXAMPLE =
  /\(\s{0,3}(?:e\.\s?g\.|for\s{1,3}(?:example|instance))[,:]?\s{1,3}(?=[\p{L}\p{N}"'`])/giu;
/** A sentence about the template itself: "These are only sample subheadings", "Delete this section". */
const ABOUT_TEMPLATE =
  /\b(?:(?:only|just)\s{1,3}(?:sample|example)s?|(?:delete|remove)\s{1,3}(?:this|these)\s{1,3}(?:sections?|headings?|subheadings?|instructions?|text|lines?|comments?|placeholders?|examples?|notes?|template|paragraphs?)\b|this\s{1,3}template|every\s{1,3}action\s{1,3}item\s{1,3}should)\b/i;
/** "… with this template:": a template the colon points at, the code block shown after it. */
const SHOWN_TEMPLATE = /\bthis\s{1,3}template\s{0,3}:\s{0,3}$/i;
/** An instruction is a sentence or two, not a paragraph of the author's own. */
const MAX_WORDS = 60;
/** An instruction that asks with no other sign is short: "List the steps taken to mitigate". */
const ASK_WORDS = 25;

const firstSentence = (text: string) => text.split(/(?<=[.!?:])\s/)[0] ?? text;

/** True when a paragraph is all emphasis: "_Describe the impact here._"; `italic`, in italics only. */
function emphasised(paragraph: Paragraph, { italic = false } = {}): boolean {
  const parts = paragraph.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return parts.length > 0 && parts.every((c) => c.type === 'emphasis' || (!italic && c.type === 'strong'));
}

/**
 * True when a paragraph is a template's instruction to its author: a short one that asks "Describe
 * …", "List …" outside planned work (`planned`: action items and lessons, where imperatives are the
 * author's); or one that asks or names what goes here ("List of things that went well") and points
 * at the document or its author ("here", "for example", "you"), or is set apart as templates set
 * their instructions (`setApart`: all in italics, in a blockquote); or one about the template itself.
 */
export function isInstruction(
  text: string,
  { setApart = false, planned = false, showsCode = false } = {},
): boolean {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (!plain || plain.split(' ').length > MAX_WORDS) return false;
  // "… both write JSON blocks with this template:" over a code block: the template is the one shown.
  if (ABOUT_TEMPLATE.test(plain) && !(showsCode && SHOWN_TEMPLATE.test(plain))) return true;
  const opening = firstSentence(plain).replace(/^[\s*_>-]+/, '');
  // Outside planned work and lessons, "Describe …" or "List …" opening a short paragraph asks the author.
  if (ASKS.test(opening) && !planned && plain.split(' ').length <= ASK_WORDS) return true;
  const asks = ASKS.test(opening) || ASKS_TOO.test(opening) || DESCRIBES.test(opening);
  // In planned work an example given in brackets ("Add a CI step (for instance ensure hugo
  // builds)") is the author's own; one asked for ("For example,", "e.g. here") still points.
  const pointed = planned ? plain.replace(GIVEN_EXAMPLE, ' ') : plain;
  return asks && (ADDRESSES.test(pointed) || setApart);
}

/**
 * The words after a bold label ("**Document recovery runbook**: Convert this report into …"): the
 * label names the item, what follows is what is asked or said; the whole text when there is no label
 * or nothing after it.
 */
export function afterLabel(paragraph: Paragraph): string {
  const whole = textOf(paragraph);
  const [first] = paragraph.children;
  if (first?.type !== 'strong') return whole;
  const label = textOf(first);
  const rest = whole.slice(label.length);
  if (!/^\s{0,3}:|:\s{0,3}$/.test(label) && !/^\s{0,3}:/.test(rest)) return whole;
  const said = rest.replace(/^\s{0,3}:?\s{0,3}/, '');
  return said.trim() ? said : whole;
}

/**
 * A paragraph that asks something of its reader: a question ("Who responded, and what obstacles did
 * they encounter?") or a sentence opening with a verb's bare form ("Run a 5-whys analysis …").
 */
function asksSomething(text: string): boolean {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (!plain || plain.split(' ').length > MAX_WORDS) return false;
  if (/\?\s{0,3}$/.test(plain)) return true;
  const [first] = termsOf(firstSentence(plain).slice(0, 80));
  return first?.tags.includes('Infinitive') === true && !first.tags.includes('PastTense');
}

/**
 * Template instructions left in a document: paragraphs (in lists and blockquotes too) that read as
 * an instruction to the author; code, raw HTML, tables and numbered steps are not instructions.
 * Where the template's instructions have a form of their own (all in italics, first under their
 * heading) and one is known by its words, the others in that form that ask something ("*What did
 * we learn from this incident?*", "*Run a 5-whys analysis …*") are the same template's.
 */
export function instructionLeftovers(doc: PostmortemDocument): InstructionLeftover[] {
  const found: InstructionLeftover[] = [];
  // Italic paragraphs that open a section: the form a template may give all its instructions.
  const opening: { line: number; text: string }[] = [];
  // Lines under Action items or Lessons, marked once (sections nest at most seven deep).
  const planned = new Uint8Array(doc.lines.length + 2);
  for (const s of doc.sections)
    if (s.kind === 'actionItems' || s.kind === 'lessons') planned.fill(1, s.line, s.endLine + 1);
  const plannedAt = (line: number) => planned[line] === 1;
  const visit = (node: Nodes, quoted: boolean, next: Nodes | undefined, previous: Nodes | undefined) => {
    // Numbered steps tell the reader what to do ("6. Enter a fee"), not the author what to write.
    if (node.type === 'list' && node.ordered) return;
    if (node.type === 'paragraph' && node.position) {
      const text = afterLabel(node);
      const line = node.position.start.line;
      // In planned work a bold item is the author's title for it ("- [ ] **Add alerts for failed
      // builds**"); only italics set a template's instruction apart there.
      const options = {
        setApart: quoted || emphasised(node, { italic: plannedAt(line) }),
        planned: plannedAt(line),
        showsCode: next?.type === 'code',
      };
      const firstUnderHeading = previous?.type === 'heading' && emphasised(node);
      if (isInstruction(text, options)) {
        found.push({ line, text: firstSentence(text.replace(/\s+/g, ' ').trim()) });
        if (firstUnderHeading) opening.push({ line: -line, text });
      } else if (firstUnderHeading) opening.push({ line, text });
      return;
    }
    if (node.type === 'table' || node.type === 'code' || node.type === 'html') return;
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (const [i, child] of children.entries())
        visit(child, quoted || node.type === 'blockquote', children[i + 1], children[i - 1]);
    }
  };
  visit(doc.tree, false, undefined, undefined);
  // A known instruction in the form (kept with its line negated) vouches for the form.
  if (opening.some((o) => o.line < 0))
    for (const { line, text } of opening)
      if (line > 0 && asksSomething(text))
        found.push({ line, text: firstSentence(text.replace(/\s+/g, ' ').trim()) });
  return found.sort((a, b) => a.line - b.line);
}
