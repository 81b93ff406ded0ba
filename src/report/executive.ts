import type { Report } from '../model/index.js';
import type { Postmortem } from './document.js';
import { durationWords } from './duration-words.js';
import { evidenceFree } from './evidence-free.js';
import { formatDuration, formatTime, pct } from './format.js';
import { metaFields } from './meta.js';
import { dropCitations } from './plain-words.js';

/** The changes an executive reads: high priority first, at most five. */
const MAX_CHANGES = 5;

/**
 * The report as an executive may see it, in every format: no timeline, so nothing points into one,
 * and no evidence text (addresses, pod names, log templates) in what is left.
 */
export function executiveReport(r: Report): Report {
  const refs = new Set(r.timeline.map((e) => e.ref));
  const moments = Object.fromEntries(
    Object.entries(r.moments).map(([k, v]) => [k, v && { ts: v.ts, ref: null }]),
  ) as Report['moments'];
  const followUps = [
    ...r.followUps.filter((f) => f.priority === 'high'),
    ...r.followUps.filter((f) => f.priority !== 'high'),
  ]
    .slice(0, MAX_CHANGES)
    .map((f) => ({ ...f, action: evidenceFree(dropCitations(f.action, refs)), evidenceRefs: [] }));
  return {
    ...r,
    incident: {
      ...r.incident,
      title: evidenceFree(r.incident.title),
      summary: evidenceFree(dropCitations(r.incident.summary, refs)),
    },
    timeline: [],
    moments,
    suspects: [],
    findings: [],
    claims: [],
    gaps: [],
    related: [],
    followUps,
    dataQuality: { ...r.dataQuality, problems: [], notes: [] },
  };
}

/** One page: what happened, the impact, and what we are changing. */
export function executiveDocument(full: Report): Postmortem {
  const r = executiveReport(full);
  const d = r.durations;
  const m = r.moments;
  const i = r.impact;
  const impact: [string, string][] = [
    ['Started', m.impactStart ? `${formatTime(m.impactStart.ts, 'UTC')} UTC` : 'unknown'],
    ['Recovered', m.recovered ? `${formatTime(m.recovered.ts, 'UTC')} UTC` : 'unknown'],
    ['Duration', d.impact != null ? formatDuration(d.impact) : 'unknown'],
    ['Time to detect', durationWords('detect', d.detect)],
    ['Severity', r.incident.severity ?? 'not set'],
  ];
  if (i.errorRatePeak != null) impact.push(['Peak error rate', pct(i.errorRatePeak)]);
  if (i.failedRequests != null)
    impact.push(['Failed requests', Math.round(i.failedRequests).toLocaleString('en-US')]);
  if (i.failedChecks) impact.push(['Failed health checks', i.failedChecks.toLocaleString('en-US')]);
  if (i.usersAffected != null) impact.push(['Users affected', i.usersAffected.toLocaleString('en-US')]);
  if (i.errorBudgetConsumedPercent != null)
    impact.push(['Error budget consumed', `${i.errorBudgetConsumedPercent.toFixed(1)} %`]);
  return {
    title: r.incident.title,
    audience: 'executive',
    report: r,
    series: [],
    meta: metaFields(r, { draft: true }),
    sections: [
      {
        id: 'what-happened',
        title: 'What happened',
        blocks: [{ type: 'paragraph', text: r.incident.summary }],
      },
      { id: 'impact', title: 'Impact', blocks: [{ type: 'fields', items: impact }] },
      {
        id: 'what-we-are-changing',
        title: 'What we are changing',
        blocks: [
          { type: 'list', items: r.followUps.map((f) => `${f.action} (${f.ownerRole}, ${f.priority})`) },
        ],
      },
    ],
  };
}
