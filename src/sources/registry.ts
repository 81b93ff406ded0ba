import type { Source } from '../model/index.js';
import { alertmanager } from './alertmanager.js';
import { azureActivity } from './azure-activity.js';
import { azureAlerts } from './azure-alerts.js';
import { cloudtrail } from './cloudtrail.js';
import { cloudwatch } from './cloudwatch.js';
import { containerLogs } from './container-logs.js';
import { csvSeries } from './csv-series.js';
import { deployHistory } from './deploy-history.js';
import { deployLog } from './deploy-log.js';
import { genericEvents } from './generic-events.js';
import { githubActivity } from './github-activity.js';
import { githubDeployments } from './github-deployments.js';
import { githubIssues } from './github-issues.js';
import { grafana } from './grafana.js';
import { guarded } from './guard.js';
import { healthChecks } from './health-checks.js';
import { jira } from './jira.js';
import { jsonLogs } from './json-logs.js';
import { kubernetesEvents } from './kubernetes-events.js';
import { kubernetesRollouts } from './kubernetes-rollouts.js';
import { logExports } from './log-exports.js';
import { logfmtLogs } from './logfmt-logs.js';
import { markdownTimeline } from './markdown-timeline.js';
import { opsgenie } from './opsgenie.js';
import { pagerduty } from './pagerduty.js';
import { prometheusFile } from './prometheus-file.js';
import { sentry } from './sentry.js';
import { slackExport } from './slack-export.js';
import { statuspage } from './statuspage.js';
import { textLogs } from './text-logs.js';
import { watchStates } from './watch-states.js';

/**
 * Every evidence format, most specific first: detection tries them in this order, so a format
 * whose content another would also accept comes before it.
 */
const registered = {
  alertmanager,
  grafana,
  opsgenie,
  pagerduty,
  statuspage,
  cloudwatch,
  'azure-alerts': azureAlerts,
  cloudtrail,
  'azure-activity': azureActivity,
  sentry,
  'github-deployments': githubDeployments,
  'github-issues': githubIssues,
  'github-activity': githubActivity,
  'kubernetes-events': kubernetesEvents,
  'kubernetes-rollouts': kubernetesRollouts,
  'slack-export': slackExport,
  jira,
  'health-checks': healthChecks,
  'deploy-history': deployHistory,
  'watch-states': watchStates,
  'prometheus-file': prometheusFile,
  'log-exports': logExports,
  'container-logs': containerLogs,
  'json-logs': jsonLogs,
  'deploy-log': deployLog,
  'logfmt-logs': logfmtLogs,
  'csv-series': csvSeries,
  'text-logs': textLogs,
  events: genericEvents,
  'markdown-timeline': markdownTimeline,
} satisfies Record<string, Source>;

export type SourceName = keyof typeof registered;

/** Each source reads through the guard: what a report cannot print is skipped with a reason. */
export const sources = Object.fromEntries(
  Object.entries(registered).map(([name, source]) => [name, guarded(source)]),
) as Record<SourceName, Source>;
export const sourceList: Source[] = Object.values(sources);
