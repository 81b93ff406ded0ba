import { EMPTY_NARRATIVE, type Report } from '../model/index.js';
import { mapStrings, maskPii } from '../redact/index.js';
import type { Postmortem } from './document.js';
import { formatDuration, formatTime } from './format.js';

/**
 * Internal host names (db-01.prod.internal, api.svc.cluster.local) have no place in a public text.
 * A name starts only where no label character precedes it, and its labels are bounded as DNS
 * bounds them (63 characters, a few levels), so masking stays linear.
 */
const HOSTNAME =
  /(?<![a-z0-9.-])[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.(?:internal|local|lan|corp|intra|svc)\b|(?<![a-z0-9.-])[a-z]{1,63}-\d{1,10}(?:\.[a-z0-9-]{1,63}){1,8}\b/gi;

export const forCustomers = (text: string) => maskPii(text).replace(HOSTNAME, 'an internal system');

const SERVICE_WORDS: Record<string, string> = {
  change: 'a change to our systems',
  rollback: 'reverting that change',
};

/** Plain language for customers: no refs, people, hosts or internal names; personal data masked. */
export function customerDocument(r: Report): Postmortem {
  const m = r.moments;
  const d = r.durations;
  const product = r.incident.product ? forCustomers(r.incident.product) : null;
  const start = m.impactStart ? `${formatTime(m.impactStart.ts, 'UTC')} UTC` : null;
  const end = m.recovered ? `${formatTime(m.recovered.ts, 'UTC')} UTC` : null;
  const who = product ? `customers of ${product}` : 'our customers';
  const what = [
    start
      ? `Starting at ${start}, some of ${who} experienced errors or slow responses.`
      : `Some of ${who} experienced errors or slow responses.`,
    r.moments.trigger
      ? `The problem was caused by ${SERVICE_WORDS.change}.`
      : 'We are still confirming the cause.',
    m.mitigationStarted
      ? `Our engineers ${r.timeline.some((e) => e.kind === 'rollback') ? `fixed it by ${SERVICE_WORDS.rollback}` : 'took corrective action'}.`
      : '',
    end
      ? `Service was fully restored at ${end}${d.impact != null ? `, ${formatDuration(d.impact)} after the problem began` : ''}.`
      : '',
  ].filter(Boolean);
  const doing = [
    'We are adding safeguards so that changes like this are caught before they reach you.',
    r.followUps.some((f) => /alert|detect/i.test(f.action))
      ? 'We are improving our monitoring so that we notice problems sooner.'
      : '',
    r.followUps.some((f) => /rollback/i.test(f.action)) ? 'We are making recovery faster and automatic.' : '',
  ].filter(Boolean);
  const masked = mapStrings(r, forCustomers);
  const summary = forCustomers(what.join(' '));
  const title = `${product ?? 'Service'} disruption${start ? ` on ${start.slice(0, 10)}` : ''}`;
  // No timeline for customers, so nothing may point into one.
  const moments = Object.fromEntries(
    Object.entries(masked.moments).map(([k, v]) => [k, v && { ts: v.ts, ref: null }]),
  );
  // Only what a customer may read: no incident id, severity, service names or the team's own title.
  const report: Report = {
    ...masked,
    incident: { id: null, title, severity: null, services: [], summary, ...(product ? { product } : {}) },
    moments: moments as Report['moments'],
    timeline: [],
    claims: [],
    suspects: [],
    findings: [],
    gaps: [],
    related: [],
    followUps: doing.map((action, i) => ({
      id: `FU-${String(i + 1).padStart(3, '0')}`,
      action,
      type: 'process' as const,
      ownerRole: 'engineering',
      priority: 'high' as const,
      evidenceRefs: [],
    })),
    dataQuality: { ...masked.dataQuality, problems: [], notes: [] },
    // What customers are told about impact and its end, in the words of the page; nothing internal.
    narrative: {
      ...EMPTY_NARRATIVE,
      impact: [{ text: forCustomers(what[0]), refs: [], confidence: 0.9 }],
      resolution: end ? [{ text: forCustomers(what.at(-1)!), refs: [], confidence: 0.9 }] : [],
    },
    signOff: [],
  };
  return {
    title,
    audience: 'customer',
    report,
    series: [],
    meta: product ? [['Affected', product]] : [],
    sections: [
      {
        id: 'what-happened',
        title: 'What happened',
        blocks: [{ type: 'paragraph', text: summary }],
      },
      {
        id: 'what-we-are-doing',
        title: 'What we are doing about it',
        blocks: [{ type: 'list', items: doing }],
      },
      {
        id: 'apology',
        title: 'Our apologies',
        blocks: [
          {
            type: 'paragraph',
            text: 'We are sorry for the disruption. If you were affected and need help, please contact our support team.',
          },
        ],
      },
    ],
  };
}
