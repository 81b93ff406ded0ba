export { type BuildOptions, buildTimeline, type Timeline } from './build.js';
export { type ChangeFacts, changeFacts } from './change-facts.js';
export { classify, classifyText, tellsOfTheProblem } from './classify.js';
export { isSayable, sourceIdOf } from './refs.js';
