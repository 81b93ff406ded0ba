export { type Analysis, analyze } from './analysis/index.js';
export { type Bundle, openBundle } from './bundle/index.js';
export { InputError } from './errors.js';
export { type Generated, type GenerateOptions, generate } from './generate.js';
export * from './model/index.js';
export { type Format, renderers } from './render/index.js';
export { type Audience, toPostmortem, toReport } from './report/index.js';
export { sources } from './sources/index.js';
export { buildTimeline, type Timeline } from './timeline/index.js';
