export * from './event.js';
export * from './findings.js';
export * from './log-template.js';
export * from './manifest.js';
export * from './moment.js';
export * from './problem.js';
export * from './report.js';
export * from './series.js';
