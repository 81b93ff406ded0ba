import { clock, span } from '../course.js';
import { SEEN_AT_WORK } from './example-events.js';
import { type Rule, serviceOf } from './rule.js';

const RAISED = new Set(['alert', 'page']);

/** What the symptom was, in the words an alert would be written for. */
function symptomOf(e: { kind: string; attrs: Record<string, unknown> }): string {
  if (e.kind === 'metric' && e.attrs.measure === 'errorRate') return 'the error rate';
  if (e.kind === 'metric' && e.attrs.measure === 'latencyMs') return 'the latency';
  if (e.kind === 'log') return 'the new error log template';
  if (e.kind === 'health') return 'the failing health checks';
  return 'the first symptom';
}

export const undetectedSymptom: Rule = {
  id: 'undetected-symptom',
  description:
    'Symptoms are in the evidence but no alert, page or report of them is: nothing shows the incident was caught.',
  kind: 'response',
  check(ctx) {
    const { impactStart, detected, acknowledged, recovered } = ctx.moments;
    // People at work on the problem caught it, though no line says how they learned of it.
    if (!impactStart || detected || acknowledged || ctx.events.some((e) => RAISED.has(e.kind))) return [];
    const lasted = recovered ? ` for ${span(recovered.ts - impactStart.ts)}` : '';
    return [
      {
        severity: 'high',
        statement: `No alert, page or report is in the evidence: the symptoms that began at ${clock(impactStart.ts)} (${impactStart.ref}) went on${lasted} with nothing recording that they were caught.`,
        evidenceRefs: [impactStart.ref, ...(recovered ? [recovered.ref] : [])],
      },
    ];
  },
  followUp(ctx) {
    const start = ctx.moments.impactStart;
    if (!start) return [];
    // The symptom an alert would have caught: a measured one when there is, else the first.
    const symptoms = ctx.events.filter((e) => e.signals.includes('symptom') && e.ts >= start.ts);
    const measured = symptoms.find((e) => e.kind === 'metric') ?? start;
    const service = serviceOf(ctx, [measured.ref]);
    return [
      {
        action: `Alert on ${symptomOf(measured)} of ${service} (${measured.ref}): no alert in the evidence caught this incident.`,
        type: 'detect',
        ownerRole: 'observability',
        priority: 'high',
        evidenceRefs: [...new Set([start.ref, measured.ref])],
      },
    ];
  },
  examples: {
    ok: [
      {
        events: [
          {
            at: 0,
            kind: 'metric',
            summary: 'Error rate left its baseline',
            signals: ['symptom'],
            attrs: { measure: 'errorRate', phase: 'onset' },
          },
          { at: 3, kind: 'alert', summary: 'High error rate on api', signals: ['detect'] },
          { at: 20, kind: 'metric', summary: 'Error rate back to baseline', signals: ['recovery'] },
        ],
      },
      {
        // No line says how they learned of it, but people were at work on it: it was caught.
        events: SEEN_AT_WORK,
      },
    ],
    notOk: [
      {
        events: [
          {
            at: 0,
            kind: 'log',
            summary: 'New error log template in api: "pool exhausted"',
            signals: ['symptom'],
          },
          {
            at: 1,
            kind: 'metric',
            summary: 'Error rate left its baseline',
            signals: ['symptom'],
            attrs: { measure: 'errorRate', phase: 'onset' },
          },
          { at: 20, kind: 'metric', summary: 'Error rate back to baseline', signals: ['recovery'] },
        ],
        refs: [['LOG-0', 'METRIC-20']],
      },
    ],
  },
};
