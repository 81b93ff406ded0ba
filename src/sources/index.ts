export { detectSource } from './detect.js';
export { type SourceName, sourceList, sources } from './registry.js';
export type { ReadContext, Source } from './source.js';
