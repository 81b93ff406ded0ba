// Builds the full internal postmortem; one function per section keeps each under the size rule.
import type { Report, Series } from '../model/index.js';
import { fileLine } from '../text/file-line.js';
import { type Block, type Postmortem, ref, type Section } from './document.js';
import { count, foldedNote, formatDuration, formatTime, pct } from './format.js';
import { metaFields } from './meta.js';
import {
  claimBlocks,
  detectionSection,
  lessonSections,
  resolutionSection,
  responseSection,
  signOffSection,
} from './narrative-sections.js';
import { linkCitations } from './plain-words.js';
import { rootCauseSection, triggerSection } from './root-cause.js';

const refs = (rs: string[]) => rs.map(ref).join(', ');
const refsOf = (r: Report) => new Set(r.timeline.map((e) => e.ref));

function impactSection(r: Report): Section {
  const i = r.impact;
  const d = r.durations;
  const items: [string, string][] = [
    ['Duration', d.impact != null ? formatDuration(d.impact) : 'unknown'],
    [
      'Error rate',
      i.errorRatePeak != null
        ? `peak ${pct(i.errorRatePeak)}, baseline ${pct(i.errorRateBaseline)}`
        : 'not measured',
    ],
    [
      'Latency',
      i.latencyPeakMs != null
        ? `peak ${Math.round(i.latencyPeakMs)} ms, baseline ${i.latencyBaselineMs != null ? Math.round(i.latencyBaselineMs) : '?'} ms`
        : 'not measured',
    ],
    [
      'Failed requests',
      i.failedRequests != null ? Math.round(i.failedRequests).toLocaleString('en-US') : 'not measured',
    ],
    ...(i.failedChecks != null
      ? [['Failed health checks', i.failedChecks.toLocaleString('en-US')] as [string, string]]
      : []),
    ['Users affected', i.usersAffected != null ? i.usersAffected.toLocaleString('en-US') : 'unknown'],
    [
      'Error budget consumed',
      i.errorBudgetConsumedPercent != null
        ? `${i.errorBudgetConsumedPercent.toFixed(1)} %`
        : 'not measured (needs an SLO and error-rate or request series)',
    ],
    ['SLO breached', i.sloBreached == null ? 'unknown' : i.sloBreached ? 'yes' : 'no'],
  ];
  return {
    id: 'impact',
    title: 'Impact',
    blocks: [
      ...claimBlocks(r, r.narrative.impact, 'The evidence states no impact on users.'),
      { type: 'fields', items },
    ],
  };
}

const place = fileLine;

function timelineSection(r: Report): Section {
  const zoned = r.zone !== 'UTC';
  const columns = [
    'Time (UTC)',
    ...(zoned ? [`Local (${r.zone})`] : []),
    'Ref',
    'Kind',
    'Service',
    'Event',
    'Source',
  ];
  const rows = r.timeline.map((e) => {
    // Folded records' places are summed per file here; the HTML lists each under the entry.
    const foldedPlaces = new Set((e.folded ?? []).map((f) => place(f.source)));
    const sources = e.sources ?? [e.source];
    const own = sources.filter((s, i) => i === 0 || !foldedPlaces.has(place(s))).map(place);
    const perFile = new Map<string, number>();
    for (const s of sources.slice(1))
      if (foldedPlaces.has(place(s))) perFile.set(s.file, (perFile.get(s.file) ?? 0) + 1);
    const where = [
      ...own,
      ...[...perFile].map(([file, n]) => `${file} (${n} line${n === 1 ? '' : 's'})`),
    ].join(', ');
    const details = e.details?.length ? ` — ${e.details.join('; ')}` : '';
    const folded = foldedNote(e.folded);
    // A time its source gives as approximate ("~13:30", "around 9pm") keeps its "~".
    const about = e.attrs?.approximate === true ? '~' : '';
    return [
      `${about}${formatTime(e.ts, 'UTC')}`,
      ...(zoned ? [`${about}${formatTime(e.ts, r.zone)}`] : []),
      e.ref,
      e.kind,
      e.service ?? '',
      `${e.summary}${details}${folded}`,
      where,
    ];
  });
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: `Times are shown in UTC${zoned ? ` and in ${r.zone}` : ''}${r.timeline.some((e) => e.attrs?.approximate === true) ? '; ~ marks a time the source gives as approximate' : ''}. ${r.timeline.length} entries.`,
    },
    { type: 'chart', chart: 'timeline' },
    {
      type: 'table',
      columns,
      rows,
      anchors: r.timeline.map((e) => e.ref),
      rowKinds: r.timeline.map((e) => e.kind),
    },
  ];
  return { id: 'timeline', title: 'Timeline', blocks };
}

function integritySection(r: Report): Section {
  // Mechanisms are how it failed, shown under the root cause; this section is about decisions.
  const rows = r.findings
    .filter((f) => f.kind !== 'mechanism')
    .map((f) => [f.id, f.rule, f.severity, f.statement, refs(f.evidenceRefs)]);
  const blocks: Block[] = rows.length
    ? [{ type: 'table', columns: ['ID', 'Rule', 'Severity', 'Finding', 'Evidence'], rows }]
    : [
        {
          type: 'paragraph',
          text: 'No policy or process finding: approvals, change windows, freezes and acknowledgement times are within policy as far as the evidence shows.',
        },
      ];
  return { id: 'decision-integrity', title: 'Decision integrity', blocks };
}

function chartsOf(series: Series[]): Block[] {
  return series.length ? [{ type: 'chart', chart: 'series' }] : [];
}

/** The complete postmortem for the team that ran the incident. */
export function internalDocument(r: Report, series: Series[]): Postmortem {
  // The Google SRE template's order (and the seed templates'), appendices last.
  const sections: Section[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: [{ type: 'paragraph', text: linkCitations(r.incident.summary, refsOf(r)) }],
    },
    impactSection(r),
    ...(series.length ? [{ id: 'metrics', title: 'Metrics', blocks: chartsOf(series) }] : []),
    triggerSection(r),
    rootCauseSection(r),
    integritySection(r),
    detectionSection(r),
    responseSection(r),
    resolutionSection(r),
    timelineSection(r),
    ...lessonSections(r),
    {
      id: 'follow-ups',
      title: 'Action items',
      blocks: [
        {
          type: 'table',
          columns: ['ID', 'Action', 'Owner (role)', 'Priority', 'Evidence'],
          rows: r.followUps.map((f) => [f.id, f.action, f.ownerRole, f.priority, refs(f.evidenceRefs)]),
        },
      ],
    },
    {
      id: 'open-questions',
      title: 'Open questions',
      blocks: [
        r.gaps.length
          ? { type: 'list', items: r.gaps }
          : { type: 'paragraph', text: 'None: the evidence covers every moment of the incident.' },
      ],
    },
    signOffSection(r),
    {
      id: 'claims',
      title: 'Claims and evidence',
      blocks: [
        {
          type: 'table',
          columns: ['ID', 'Statement', 'Evidence', 'Confidence'],
          rows: r.claims.map((c) => [c.id, c.statement, refs(c.evidenceRefs), c.confidence.toFixed(2)]),
        },
      ],
    },
    relatedSection(r),
    dataQualitySection(r),
  ];
  return {
    title: r.incident.title,
    audience: 'internal',
    report: r,
    series,
    meta: metaFields(r, { times: true, draft: true }),
    sections,
  };
}

function relatedSection(r: Report): Section {
  const blocks: Block[] = r.related.length
    ? [
        {
          type: 'list',
          items: r.related.map(
            (x) => `${x.id} — ${x.title}${x.date ? ` (${x.date})` : ''}: ${x.reasons.join('; ')}`,
          ),
        },
      ]
    : [{ type: 'paragraph', text: 'No related incident in the library.' }];
  return { id: 'related-incidents', title: 'Related incidents', blocks };
}

function dataQualitySection(r: Report): Section {
  const q = r.dataQuality;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: `${count(q.filesRead, 'file')} read, ${count(q.eventsRead, 'event')} read, ${count(q.linesSkipped, 'line')} skipped.`,
    },
  ];
  if (q.notes.length) blocks.push({ type: 'list', items: q.notes });
  if (q.problems.length) {
    blocks.push({
      type: 'table',
      columns: ['File', 'Line', 'Problem'],
      rows: q.problems.map((p) => [p.file, p.line != null ? String(p.line) : '', p.message]),
    });
  }
  return { id: 'data-quality', title: 'Data quality', blocks };
}
