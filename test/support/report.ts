import { EMPTY_IMPACT } from '../../src/analysis/index.js';
import type { Report, Series, TimelineEntry } from '../../src/model/index.js';

export const T0 = Date.parse('2026-03-12T16:30:00Z');
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A timeline entry `minutes` after 16:30 UTC. */
export function entry(
  minutes: number,
  kind: TimelineEntry['kind'],
  ref: string,
  extra: Partial<TimelineEntry> = {},
): TimelineEntry {
  return {
    ts: iso(minutes),
    kind,
    service: 'checkout',
    ref,
    summary: `${kind} ${ref}`,
    source: { file: 'test', line: 1 },
    ...extra,
  };
}

/** An error-rate series sampled each minute: 0.5 % before 16:50, 14 % until 17:21, then back. */
export function errorRateSeries(extra: Partial<Series> = {}): Series {
  const points: [number, number][] = [];
  for (let m = 0; m <= 70; m++) {
    const v = m < 20 ? 0.005 + (m % 3) * 0.001 : m < 51 ? 0.14 - Math.abs(m - 35) * 0.002 : 0.004;
    points.push([T0 + m * 60_000, v]);
  }
  return {
    name: 'checkout 5xx ratio',
    measure: 'errorRate',
    service: 'checkout',
    labels: {},
    points,
    source: { file: 'metrics/errors.json', line: null },
    ...extra,
  };
}

/** The metric events a metrics source emits for that series. */
export const anomalyEntries = (): TimelineEntry[] => [
  entry(20, 'metric', 'MET-ONSET', {
    attrs: { phase: 'onset', value: 0.11, baseline: 0.006, measure: 'errorRate' },
  }),
  entry(35, 'metric', 'MET-PEAK', {
    attrs: { phase: 'peak', value: 0.14, baseline: 0.006, measure: 'errorRate' },
  }),
  entry(51, 'metric', 'MET-RECOVERED', {
    attrs: { phase: 'recovered', value: 0.004, baseline: 0.006, measure: 'errorRate' },
  }),
];

const moment = (minutes: number, ref: string) => ({ ts: iso(minutes), ref });

/** The narrative sections of the sample report, one cited statement or more each. */
export const sampleNarrative = (): Report['narrative'] => ({
  impact: [
    {
      text: 'A message at 16:52 UTC (ACK-1) states tickets at 4× their usual level: “ticket volume up 4× from Pod/checkout-7c9d5f6b8d-x2x9q”.',
      refs: ['ACK-1'],
      confidence: 0.75,
    },
  ],
  detection: [
    {
      text: 'Detected at 16:51 UTC by an alert in checkout (ALT-1), 1 min after impact began (MET-ONSET): “CheckoutHighErrorRate at http://10.20.3.87:8080”.',
      refs: ['ALT-1', 'MET-ONSET'],
      confidence: 0.9,
    },
  ],
  response: [
    {
      text: 'A responder acknowledged at 16:54 UTC (ACK-1), 3 min after detection.',
      refs: ['ACK-1'],
      confidence: 0.9,
    },
  ],
  resolution: [
    {
      text: 'Impact ended at 17:22 UTC (ALT-1-RESOLVED), 2 min after a rollback of payments-api (RB-1): “Rollback payments-api”.',
      refs: ['ALT-1-RESOLVED', 'RB-1'],
      confidence: 0.8,
    },
  ],
  cause: [],
  wentWell: [
    {
      text: 'Monitoring caught it quickly: an alert in checkout (ALT-1) came 1 min after impact began (MET-ONSET).',
      refs: ['ALT-1', 'MET-ONSET'],
      confidence: 0.8,
      draft: true,
    },
  ],
  wentWrong: [
    {
      text: 'A person, not monitoring, detected it: a report from a person at 16:52 UTC (ACK-1).',
      refs: ['ACK-1'],
      confidence: 0.8,
      draft: true,
    },
  ],
  lucky: [],
});

/** A small but complete report: a deploy, an alert, a page, an ack, a rollback and recovery. */
export function sampleReport(extra: Partial<Report> = {}): Report {
  const timeline = [
    entry(10, 'change', 'DEP-1', { service: 'payments-api' }),
    ...anomalyEntries(),
    entry(21, 'alert', 'ALT-1'),
    entry(22, 'page', 'PD-1'),
    entry(24, 'ack', 'ACK-1', { service: null }),
    entry(50, 'rollback', 'RB-1', { service: 'payments-api' }),
    entry(52, 'alert_resolved', 'ALT-1-RESOLVED'),
    entry(90, 'note', 'NOTE-1', { service: null }),
  ].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  return {
    related: [],
    schemaVersion: 1,
    incident: {
      id: 'INC-1',
      title: 'Checkout errors',
      severity: 'SEV2',
      services: ['checkout'],
      summary: 'Errors.',
    },
    zone: 'Europe/Berlin',
    timeline,
    moments: {
      trigger: moment(10, 'DEP-1'),
      impactStart: moment(20, 'MET-ONSET'),
      detected: moment(21, 'ALT-1'),
      acknowledged: moment(24, 'ACK-1'),
      mitigationStarted: moment(50, 'RB-1'),
      recovered: moment(52, 'ALT-1-RESOLVED'),
      declared: null,
      closed: moment(90, 'NOTE-1'),
    },
    durations: {
      detect: 60,
      acknowledge: 180,
      mitigate: 1860,
      impact: 1920,
      detectFromTrigger: 660,
      impactFromTrigger: 2520,
    },
    suspects: [],
    findings: [],
    claims: [
      { id: 'CLM-001', statement: 'DEP-1 caused it.', evidenceRefs: ['DEP-1', 'ALT-1'], confidence: 0.9 },
    ],
    impact: { ...EMPTY_IMPACT, errorRatePeak: 14, errorRateBaseline: 0.6 },
    followUps: [],
    gaps: [],
    dataQuality: { filesRead: 1, eventsRead: 10, linesSkipped: 0, problems: [], notes: [] },
    narrative: sampleNarrative(),
    signOff: [{ role: 'Incident commander', name: null, date: null }],
    ...extra,
  };
}
