export { detectSource } from './detect.js';
export { sourceList, sources, type SourceName } from './registry.js';
export type { ReadContext, Source } from './source.js';
export { recordingContext } from './recording-context.js';
