import type { Report } from '../model/index.js';
import type { Postmortem } from './document.js';
import { durationWords } from './duration-words.js';
import { formatDuration, formatTime } from './format.js';
import { metaFields } from './meta.js';

/** One page: what happened, the impact, and what we are changing. */
export function executiveDocument(r: Report): Postmortem {
  const d = r.durations;
  const m = r.moments;
  const impact: [string, string][] = [
    ['Started', m.impactStart ? `${formatTime(m.impactStart.ts, 'UTC')} UTC` : 'unknown'],
    ['Recovered', m.recovered ? `${formatTime(m.recovered.ts, 'UTC')} UTC` : 'unknown'],
    ['Duration', d.impact != null ? formatDuration(d.impact) : 'unknown'],
    ['Time to detect', durationWords('detect', d.detect)],
    ['Severity', r.incident.severity ?? 'not set'],
  ];
  if (r.impact.errorBudgetConsumedPercent != null)
    impact.push(['Error budget consumed', `${r.impact.errorBudgetConsumedPercent.toFixed(1)} %`]);
  const changes = r.followUps
    .filter((f) => f.priority === 'high')
    .concat(r.followUps.filter((f) => f.priority !== 'high'))
    .slice(0, 5);
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
        blocks: [{ type: 'list', items: changes.map((f) => `${f.action} (${f.ownerRole}, ${f.priority})`) }],
      },
    ],
  };
}
