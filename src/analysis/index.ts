export { type Analysis, analyze, EMPTY_IMPACT } from './analyze.js';
export { blameless, peopleIn } from './blameless.js';
export { evidenceStrength } from './claims.js';
export { clock, span, storyClockOf } from './course.js';
export type { MomentEvents } from './moments.js';
export { CONVINCING } from './suspects.js';
