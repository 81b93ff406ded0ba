export { type CausalSentence, causalSentences } from './causal-sentences.js';
export { type DocumentLine, type DocumentPart, documentParts, type PartKind } from './document-sections.js';
export { type DurationStatement, documentStatements } from './document-statements.js';
export {
  isNamedFigure,
  labelledDuration,
  type Qualifier,
  type StatedDuration,
  statedDurations,
} from './stated-durations.js';
export { statedSpans } from './stated-spans.js';
