import { blocksOf, type DocumentLine } from './document-sections.js';

export interface CausalSentence {
  text: string;
  /** Line the sentence starts on. */
  line: number;
}

/** Words that state a cause in the active voice ("X caused Y", "X, causing Y", "Y due to X"). */
const MARKER =
  /\b(?:caused|causing|causes|cause|led to|leading to|leads to|lead to|resulted in|resulting in|results in|result in|triggered|triggering|due to|as a result of|owing to|brought down|took down|caused by|triggered by)\b/gi;
/** "was triggered" without "by" says that something ran, not why the incident happened. */
const PASSIVE = /\b(?:was|were|is|are|been|being|be|got|get)\s+(?:\w+\s+)?$/i;
/** Denied, hedged or hypothetical: "did not cause", "could cause", "potentially causing". */
const NOT_STATED =
  /\b(?:not|never|no|n't|cannot|can|could|may|might|would|will|should|must|potentially|possibly|probably|likely|perhaps|if|unless)\s+(?:\w+\s+){0,2}$/i;
/** "the root cause was …", "root cause: …", "… was the root cause". */
const ROOT_CAUSE =
  /\broot causes?\b(?:\s+of\b[^.:]{0,80}?)?\s*(?::|\b(?:was|is|were|are)\b)|\b(?:was|is|were|are)\s+(?:the\s+)?(?:\w+\s+)?root causes?\b/i;
/** A full stop ends a sentence unless it follows a day or list number ("Monday 3. February"). */
const SENTENCE_END = /(?<=[.!?])(?<!(?:^|\s)\d{1,2}\.)\s+(?=[A-Z"'([])/;
/** "root causes", "the cause": the noun, not the verb. */
const NOUN_BEFORE = /\b(?:root|the|a|an|its|their|of|main|primary|possible|underlying|same|different)\s+$/i;

/** A sentence that says the cause is not known, or asks: "Root cause unknown", "still under investigation". */
const UNKNOWN =
  /\?\s*$|\b(?:unknown|unclear|not (?:yet )?(?:known|identified|determined|clear|found)|under investigation|to be determined|tbd|n\/a)\b/i;
const hedged = (sentence: string) => UNKNOWN.test(sentence);

/** The clause before a marker states the cause unless it denies, hedges or only reports an event. */
function statesCause(sentence: string): boolean {
  if (/\?\s*$/.test(sentence)) return false;
  if (ROOT_CAUSE.test(sentence)) return true;
  for (const m of sentence.matchAll(MARKER)) {
    const before = sentence.slice(Math.max(0, m.index - 40), m.index);
    const word = m[0].toLowerCase();
    if (NOT_STATED.test(before)) continue;
    if (/^causes?$/.test(word) && NOUN_BEFORE.test(before)) continue;
    // "the disruption caused and …", "any inconvenience caused.": the harm done, not what did it.
    if (
      word === 'caused' &&
      /^\s{0,3}(?:[.,;:!)]|and\b|or\b|to\s{1,3}(?:you|our|all|any)\b)/i.test(sentence.slice(m.index + 6))
    )
      continue;
    const passive = PASSIVE.test(before);
    if (/^(?:cause|lead to|result in)$/.test(word)) continue; // bare infinitives only follow modals or "to"
    if (passive && !/ by$/.test(word)) {
      const after = sentence.slice(m.index + m[0].length);
      if (!/^\s+by\b/.test(after)) continue;
    }
    return true;
  }
  return false;
}

const plain = (text: string) =>
  text
    .replace(/!?\[([^\]]{0,300})\]\([^)]{0,500}\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Sentences of a block with the line each starts on. */
function sentences(block: DocumentLine[]): CausalSentence[] {
  const out: CausalSentence[] = [];
  for (const [i, line] of block.entries()) {
    const pieces = line.text.split(SENTENCE_END);
    pieces.forEach((piece, j) => {
      // A line that continues the sentence of the line before it joins that sentence.
      if (j === 0 && i > 0 && out.length && !/[.!?:]\s*$/.test(block[i - 1].text)) {
        out[out.length - 1].text += ` ${piece}`;
      } else out.push({ text: piece, line: line.number });
    });
  }
  return out.map((s) => ({ ...s, text: plain(s.text) })).filter((s) => s.text.length > 3);
}

/**
 * Sentences that state what caused the incident: "changes to the VPC CNI caused target groups to
 * become detached", "Kafka metrics missing due to a slow endpoint", "The root cause was …"; with
 * `opensWithCause`, the first sentence too, unless it says the cause is not known (a Root cause section's opening).
 * @example causalSentences([{ text: 'A bad config caused the outage.', number: 3 }])[0].line // 3
 */
export function causalSentences(lines: DocumentLine[], { opensWithCause = false } = {}): CausalSentence[] {
  return blocksOf(lines)
    .flatMap((block) => sentences(block).map((s, i, all) => withAntecedent(s, all[i - 1])))
    .filter((s, i) => statesCause(s.text) || (opensWithCause && i === 0 && !hedged(s.text)))
    .map((s) => ({ ...s, text: s.text.slice(0, 500) }));
}

/** A sentence whose subject points back ("This combination triggered …", "These changes caused …"). */
const POINTS_BACK = /^(?:this|these|that|those|both)\b/i;

/**
 * A causal sentence whose subject points back names its cause in the sentence before it: "A timeout
 * reduction coincided with elevated load. This combination triggered cascading failures." is one
 * account, quoted whole from the line the first sentence starts on. A sentence before it that states
 * a cause itself is an account of its own already.
 */
function withAntecedent(s: CausalSentence, before: CausalSentence | undefined): CausalSentence {
  if (!before || statesCause(before.text) || !POINTS_BACK.test(s.text) || !statesCause(s.text)) return s;
  return { text: `${before.text} ${s.text}`, line: before.line };
}
