export { detectSource } from './detect.js';
export {
  type DocumentLine,
  documentStatements,
  labelledDuration,
  type StatedDuration,
  statedDurations,
} from './document-statements/index.js';
export { recordingContext } from './recording-context.js';
export { type SourceName, sourceList, sources } from './registry.js';
