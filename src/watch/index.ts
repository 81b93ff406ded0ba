export { type Conclusion, concludeWatch } from './conclude.js';
export { formatDuration, parseDuration } from './duration.js';
export { EXCERPT_CHARS, excerpt, outputTail } from './excerpt.js';
export { checkHealth, type HealthCheck } from './health-check.js';
export { incidentId, incidentManifest, type WatchFacts } from './incident-manifest.js';
export { prepareOutFolder } from './out-folder.js';
export { type RuleOptions, WATCH_STATES, type WatchState } from './rule.js';
export {
  DEFAULT_RULE,
  EVIDENCE,
  type Outcome,
  type WatchOptions,
  type WatchResult,
  watchDeploy,
} from './watch.js';
