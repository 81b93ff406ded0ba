export { detectSource } from './detect.js';
export { recordingContext } from './recording-context.js';
export { type SourceName, sourceList, sources } from './registry.js';
