export { adfBody, markdownBody } from './body.js';
export { checklist } from './checklist.js';
export { jiraCsv } from './csv.js';
export { formatRequest, type PlannedRequest, recordingFetch } from './dry-run.js';
export { ExportableReport, type TrackerItem, trackerItems } from './follow-up-item.js';
export { type GitHubOptions, github } from './github.js';
export { type JiraOptions, jira } from './jira.js';
export { LINEAR_API, type LinearOptions, linear, recordingSend, sdkSend } from './linear.js';
export { scrub, secretForms } from './secrets.js';
export { type Issue, push, type Tracker } from './tracker.js';
export { type Done, TrackerError } from './tracker-error.js';

/** Where follow-ups can go: issue trackers, and files for any other. */
export const destinations = ['github', 'jira', 'linear', 'csv', 'md'] as const;
export type Destination = (typeof destinations)[number];
