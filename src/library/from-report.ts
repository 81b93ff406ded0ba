import type { Report } from '../model/index.js';
import { causeKindOf } from './cause-kind.js';
import { IncidentRecord } from './record.js';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Failing log templates of a report: the template the log source recorded, else the entry's text. */
function logTemplates(report: Report): string[] {
  const logs = report.timeline.filter((e) => e.kind === 'log');
  const templates = logs.map((e) =>
    typeof e.attrs?.template === 'string' ? e.attrs.template : e.summary.replace(/^\[LOG\]\s*/, ''),
  );
  return [...new Set(templates)];
}

/** The kind of cause each mechanism is, for relating incidents; a crash loop alone says no kind. */
const MECHANISM_KIND: Record<string, string> = {
  'oom-kill': 'capacity',
  'pool-exhaustion': 'capacity',
  saturation: 'capacity',
  'failing-dependency': 'dependency',
};

/**
 * What the evidence says caused it, in the evidence's own words: the mechanisms' cited records
 * and the trigger's own text when one is named. Never the report's reasons or narrative, which
 * are the generator's sentences and read alike in every report.
 */
function evidenceCause(report: Report): { text: string | null; kind: string | null } {
  const byRef = new Map(report.timeline.map((e) => [e.ref, e.summary]));
  const mechanisms = report.findings.filter((f) => f.kind === 'mechanism');
  const shown = [...new Set(mechanisms.flatMap((f) => f.evidenceRefs))]
    .map((r) => byRef.get(r))
    .filter((t) => !!t);
  const trigger = report.moments.trigger?.ref ? byRef.get(report.moments.trigger.ref) : undefined;
  const text = [...(trigger ? [trigger] : []), ...shown].join('. ') || null;
  const kind =
    mechanisms.map((f) => MECHANISM_KIND[f.rule]).find((k) => !!k) ??
    (trigger ? (causeKindOf(trigger) ?? 'deploy') : null);
  return { text, kind };
}

/** A generated report as a library record: the same fields an imported postmortem has. */
export function recordFromReport(report: Report): IncidentRecord {
  const { incident } = report;
  const firstTs = report.timeline[0]?.ts ?? null;
  const cause = evidenceCause(report);
  const body = [
    incident.title,
    incident.summary,
    ...report.timeline.map((e) => `${e.ts} ${e.kind} ${e.service ?? ''} ${e.summary}`),
    ...report.claims.map((c) => c.statement),
    ...report.followUps.map((f) => f.action),
  ].join('\n');
  return IncidentRecord.parse({
    id: incident.id ?? `${firstTs?.slice(0, 10) ?? 'incident'}-${slug(incident.title)}`,
    origin: 'generated',
    file: null,
    title: incident.title,
    date: report.moments.impactStart?.ts.slice(0, 10) ?? firstTs?.slice(0, 10) ?? null,
    severity: incident.severity,
    services: incident.services,
    summary: incident.summary,
    impact: {
      durationSeconds: report.durations.impact,
      usersAffected: report.impact.usersAffected,
      usersAffectedPercent: null,
      errorRatePercent: report.impact.errorRatePeak != null ? report.impact.errorRatePeak * 100 : null,
    },
    timeline: report.timeline.map((e) => ({
      ts: e.ts,
      kind: e.kind,
      summary: e.summary,
      line: e.source.line,
    })),
    rootCause: cause.text,
    causeKind: cause.kind,
    logTemplates: logTemplates(report),
    actionItems: report.followUps.map((f) => ({
      action: f.action,
      owner: f.ownerRole,
      due: null,
      status: 'open',
      line: 0,
    })),
    durations: {
      detect: report.durations.detect,
      acknowledge: report.durations.acknowledge,
      mitigate: report.durations.mitigate,
    },
    body,
  });
}

/** True when the value is a generated report rather than a library record. */
export const isReport = (value: Report | IncidentRecord): value is Report => 'schemaVersion' in value;
