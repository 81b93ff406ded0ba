/**
 * What `hindsight init` writes: a commented manifest and one folder per kind of evidence.
 * Example lines are commented out as `# key: value`, so removing `# ` from them gives a manifest
 * with every key set (a test does exactly that); prose comments never start with `word:`.
 */
export const MANIFEST_TEMPLATE = `# incident.yaml: what the evidence cannot say. Every key is optional.
# Remove the "# " before a line to use it. Keys and examples: docs/manifest.md
# Schema for editors: schema/incident.schema.json

# id: INC-1042                     # the incident's id in your tracker (text or number)
# title: Production 5xx after DEP-7781
# severity: SEV2                   # free text, or SEV1..SEV4 / P0..P4
# timezone: America/Los_Angeles    # IANA zone for timestamps that carry none
# date: 2026-02-10                 # the day, for timestamps that carry only a time of day
# services: [api-gateway, checkout]
# product: Acme Checkout           # what customers call it; the customer version names only this
# summary: >-                      # a few sentences on what happened, in your words
#   Checkout returned 5xx for 22 minutes after a config deploy.

# Service level objectives, for error-budget figures:
# slo:
#   - name: availability
#     objective: 99.9              # percent, above 0 and below 100
#     window: 30d

# Rules the change and the response are held to (each finding names the rule):
# policies:
#   requiredApprovals: 2           # approvals a change needs before it ships
#   changeWindows: ["Mon-Fri 14:00-16:00 America/Los_Angeles"]
#   freezes:
#     - { from: 2026-02-09T00:00:00Z, to: 2026-02-11T00:00:00Z, reason: release freeze }
#   ackWithinMinutes: 5            # how soon a page should be acknowledged

# Files in this folder are found and recognised without this list; use it to name a format,
# a service or a measure, to query a live Prometheus, or to read logs from ClickHouse (docs/stores.md):
# sources:
#   - { path: logs/*.jsonl, format: pino, service: checkout }
#   - { path: metrics/errors.json, measure: errorRate }   # errorRate, latencyMs, requestRate, saturation, errorCount, other
#   - { prometheus: "http://127.0.0.1:9090", queries: { errorRate: "sum(rate(http_requests_total{code=~'5..'}[1m]))" }, step: 30s }
#   - { clickhouse: "http://127.0.0.1:8123", table: logs, columns: { ts: ts, service: service, level: level, message: message }, passwordEnv: CLICKHOUSE_PASSWORD }

# The span log stores are asked about; without it, the first change minus 1h to the recovery plus 30m:
# window: { before: 1h, after: 30m }

# Secrets are always redacted; pii: true also masks e-mail and IP addresses and user ids.
redact: { pii: false }
`;

/** The folders `init` makes, each with a README.md line saying what goes in it (READMEs are not read as evidence). */
export const BUNDLE_FOLDERS: Record<string, string> = {
  alerts:
    'Alerts and pages: Alertmanager webhook payloads or `/api/v2/alerts`, Grafana alerting webhooks, PagerDuty log entries or webhooks, Opsgenie exports, CloudWatch alarm history or SNS notifications, Azure Monitor alerts (common alert schema).',
  changes:
    'Deploys and changes: GitHub `deployment`/`deployment_status` payloads, `kubectl get events -o json`, rollout history, Argo CD or deploy logs, AWS CloudTrail (`aws cloudtrail lookup-events`, S3 log files), the Azure Activity Log (`az monitor activity-log list`), change tickets, events CSV/JSON.',
  logs: "Logs: JSON lines (pino, bunyan, winston, ECS), logfmt, plain text with timestamps, nginx/Apache, syslog, klog; containers' logs as copied from /var/log/pods or `kubectl logs --timestamps`; saved query results (`aws logs filter-log-events`, `gcloud logging read --format=json`, Elasticsearch, Datadog, Splunk, Loki); Sentry issues; `.gz`, a ZIP or a tarball is fine.",
  metrics:
    'Metrics: Prometheus `query_range` JSON or CSV time series; for a live Prometheus, use `sources` in incident.yaml.',
  chat: 'Chat and tickets: a Slack export (its ZIP or the folder it holds), Jira/issue JSON, and human timelines (Markdown tables or `- 12:04 …` lists).',
};
