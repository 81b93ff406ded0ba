import type { PhrasingContent, RootContent, TableCell } from 'mdast';
import { nlp } from './nlp.js';

/**
 * Readings of an action item's head, the words that open it: a plain label before a colon
 * ("Client: make diarization single-flight …"), or an exact setting or call written as code
 * ("Explicit `timeout-minutes` on the job").
 */

type Node = RootContent | PhrasingContent | TableCell;

/** A node's text with its inline code kept in backticks, as the writer marked it. */
export function markedText(node: Node): string {
  if (node.type === 'inlineCode') return `\`${node.value}\``;
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as Node[]).map(markedText).join('');
  return '';
}

/** Words enough for a label before a colon ("DGX service", "Tailscale OAuth rotation runbook"). */
const LABEL = /^([^:.!?;\n]{1,60}?):\s+(\S[\s\S]*)$/;
const LABEL_WORDS = 6;

/**
 * The words after a plain label and a colon ("Pre-flight gate: price a selection …" → "price a
 * selection …"), or null when the item opens with none. The label is a short noun phrase: no verb
 * of its own, at most six words.
 */
export function afterPlainLabel(text: string): string | null {
  const m = text.match(LABEL);
  if (!m) return null;
  const label = m[1].trim();
  if (!label || label.split(/\s+/).length > LABEL_WORDS) return null;
  const first = nlp(label).terms().json()[0]?.terms[0] as { tags: string[] } | undefined;
  if (first?.tags.includes('Verb') && !first.tags.includes('Gerund')) return null;
  return m[2].trim();
}

/**
 * The item's head is an exact setting or call, written as code ("`OOMScoreAdjust=-1000` on
 * `tailscaled`", "Explicit `timeout-minutes` on the job", "DGX service: cgroup `MemoryMax` + …") or as
 * an assignment ("hard concurrency=1 semaphore"): it names exactly what is set. Code further in
 * ("Disk-space alert `expr` routed to …") names the means of a thing to build, not its head.
 */
export function namesExactSetting(marked: string): boolean {
  const text = marked.trim();
  const m = text.match(LABEL);
  const rest = m && m[1].split(/\s+/).length <= LABEL_WORDS ? m[2] : text;
  // "at `max_upload_size_mb=1536`, each upload costs …": a setting a preposition introduces is the
  // circumstance of what follows, not the thing to set.
  if (CIRCUMSTANCE.test(rest)) return false;
  return /^(?:[^\s`]+\s+)?`[^`\n]{1,200}`/.test(rest) || /^(?:\S+\s+){0,3}[\w*]+=[\w*'"-]/.test(rest);
}

/** A head opening with a preposition of circumstance before code: "at `x=1`,", "when `y` is set". */
const CIRCUMSTANCE = /^(?:at|with|when|while|if|under|after|before|during|since|given)\s+`/i;

interface Term {
  normal: string;
  tags: string[];
}

/** Words that state a lack ("had no prod access"): the gap, not the state reached. */
const LACK = /\b(?:no|not|nothing|nobody|none|never|without|cannot)\b|n't\b/i;

/** Words a subject is made of: the thing named, what describes it. */
const SUBJECT = ['Noun', 'Adjective', 'Acronym', 'Value'];

/**
 * An item stating the state its measure reaches, the thing first and then its participle: "Watchdog
 * loaded via initramfs; timeout raised to 120s", "NVMe APST disabled". What will be so is said.
 */
export function statesStateReached(text: string): boolean {
  const terms: Term[] = nlp(text.slice(0, 120))
    .terms()
    .json()
    .map((t: { terms: Term[] }) => t.terms[0]);
  if (LACK.test(text.split(/[;—–]|\.\s/)[0] ?? text)) return false;
  const verb = terms.slice(0, 5).findIndex((t) => t.tags.includes('Verb'));
  const participle = terms[verb];
  if (verb < 1 || !participle.tags.includes('PastTense') || !/[a-z]ed$/.test(participle.normal)) return false;
  // A participle before its noun ("failed pods") describes the noun; it states nothing.
  if (terms[verb + 1]?.tags.includes('Noun')) return false;
  return terms
    .slice(0, verb)
    .every((t) => t.tags.some((tag) => SUBJECT.includes(tag)) && !t.tags.includes('Pronoun'));
}
