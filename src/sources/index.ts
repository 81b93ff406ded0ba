export { detectSource } from './detect.js';
export {
  causalSentences,
  type DocumentLine,
  type DocumentPart,
  documentParts,
  documentStatements,
  labelledDuration,
  type StatedDuration,
  statedDurations,
} from './document-statements/index.js';
export { recordingContext } from './recording-context.js';
export { type SourceName, sourceList, sources } from './registry.js';
