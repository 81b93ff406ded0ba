export { audiences, toPostmortem } from './audience.js';
export type { Audience, Block, Inline, Postmortem, Section } from './document.js';
export { REF_MARK } from './document.js';
export { count, foldedNote, formatDuration, formatTime } from './format.js';
export { redactReport, redactSeries } from './redact-report.js';
export { summarise, toReport } from './to-report.js';
