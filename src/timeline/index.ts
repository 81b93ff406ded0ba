export { type BuildOptions, buildTimeline, type Timeline } from './build.js';
export { classify, classifyText } from './classify.js';
export { type ChangeFacts, changeFacts } from './change-facts.js';
export { mapStrings, maskPii, redactSecrets } from './redact.js';
