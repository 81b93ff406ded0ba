import { unquoted } from '../analysis/narrative/index.js';
import type { Narrative, NarrativeClaim, Report } from '../model/index.js';
import type { Postmortem } from './document.js';
import { durationWords } from './duration-words.js';
import { evidenceFree } from './evidence-free.js';
import { formatDuration, formatTime, pct } from './format.js';
import { metaFields } from './meta.js';
import { dropCitations } from './plain-words.js';

const HUMAN = new Set(['chat', 'report', 'ticket', 'note']);

/** The changes an executive reads: high priority first, at most five. */
const MAX_CHANGES = 5;
/** Statements an executive reads per narrative section: the first ones, which say the most. */
const MAX_STATEMENTS = 4;

const briefClaim = (c: NarrativeClaim, refs: Set<string>): NarrativeClaim => ({
  ...c,
  text: evidenceFree(dropCitations(unquoted(c.text), refs)),
  refs: [],
});

/**
 * The narrative at summary level: the quoted evidence, refs and machine names taken out, the
 * first statements of each section kept.
 */
export function executiveNarrative(n: Narrative, refs: Set<string>): Narrative {
  const brief = (c: NarrativeClaim) => briefClaim(c, refs);
  // What the evidence says caused it is its quoted words: with the quotes taken out, nothing is left.
  return Object.fromEntries(
    Object.entries(n).map(([k, claims]) => [
      k,
      k === 'cause' ? [] : claims.slice(0, MAX_STATEMENTS).map(brief),
    ]),
  ) as Narrative;
}

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
    narrative: executiveNarrative(r.narrative, refs),
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
  const n = full.narrative;
  const known = new Set(full.timeline.map((e) => e.ref));
  const brief = (c: NarrativeClaim) => briefClaim(c, known).text;
  // Figures the impact fields already give are not repeated: only what people stated, cited to their messages.
  const human = new Set(full.timeline.filter((e) => HUMAN.has(e.kind)).map((e) => e.ref));
  const stated = n.impact.filter((c) => c.refs.length === 1 && human.has(c.refs[0])).map(brief);
  const mitigation = full.moments.mitigationStarted?.ref;
  const handled = [
    n.detection[0],
    n.response.find((c) => mitigation && c.refs.includes(mitigation)),
    n.resolution[0],
  ]
    .filter((c): c is NarrativeClaim => !!c)
    .map(brief);
  const lessons = [
    ...n.wentWell.slice(0, 2).map((c) => `Went well: ${brief(c)}`),
    ...n.wentWrong.slice(0, 2).map((c) => `Went wrong: ${brief(c)}`),
  ];
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
      {
        id: 'impact',
        title: 'Impact',
        blocks: [
          { type: 'fields', items: impact },
          ...(stated.length ? [{ type: 'list' as const, items: stated }] : []),
        ],
      },
      {
        id: 'how-it-was-handled',
        title: 'How it was handled',
        blocks: [{ type: 'list', items: handled }],
      },
      ...(lessons.length
        ? [
            {
              id: 'lessons',
              title: 'What went well and what went wrong (draft)',
              blocks: [{ type: 'list' as const, items: lessons }],
            },
          ]
        : []),
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
