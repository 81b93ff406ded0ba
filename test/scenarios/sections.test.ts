// The sections a team expects around the timeline, on the two checkout examples: impact in user
// terms, detection, response, resolution and the drafted lessons, each cited to its evidence.
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { NarrativeClaim, Report } from '../../src/model/index.js';

let fiveTools: Report;
let logsMetrics: Report;
let fiveToolsMd: string;

beforeAll(async () => {
  fiveTools = (await generate(['examples/checkout-five-tools'], { format: 'json', library: false })).report;
  logsMetrics = (await generate(['examples/checkout-logs-metrics'], { format: 'json', library: false }))
    .report;
  fiveToolsMd = (await generate(['examples/checkout-five-tools'], { format: 'md', library: false })).output;
}, 120_000);

/** The ref of the timeline entry whose text contains `words`. */
const refOf = (r: Report, words: string) => r.timeline.find((e) => e.summary.includes(words))!.ref;
const citing = (claims: NarrativeClaim[], ref: string) => claims.filter((c) => c.refs.includes(ref));
const texts = (claims: NarrativeClaim[]) => claims.map((c) => c.text).join('\n');

describe('checkout-five-tools: impact in user terms', () => {
  it("states what support said — customers' payments failing, ticket volume climbing — cited to their messages", () => {
    const customers = refOf(fiveTools, 'customers in the UK and EU say card payments fail');
    const tickets = refOf(fiveTools, 'ticket volume is climbing');
    expect(texts(citing(fiveTools.narrative.impact, customers))).toContain('customers reporting failures');
    expect(texts(citing(fiveTools.narrative.impact, tickets))).toContain('tickets rising');
    expect(fiveTools.narrative.impact[0].text).toMatch(/^Impact lasted 18 min, from 13:09 UTC/);
  });
});

describe('checkout-five-tools: detection, response and resolution', () => {
  it('names the alert that detected it, 2 min after impact and 9 min after the change', () => {
    const [first] = fiveTools.narrative.detection;
    expect(first.text).toMatch(
      /^Detected at 13:11 UTC by an alert in checkout \(\S+\), 2 min after impact began \(\S+\) and 9 min after the change/,
    );
    expect(first.refs[0]).toBe(fiveTools.moments.detected!.ref);
  });

  it('states the acknowledgement, the declaration and the rollback tried, each cited', () => {
    const r = texts(fiveTools.narrative.response);
    expect(r).toMatch(/A responder acknowledged at 13:13 UTC \(\S+\), 2 min after detection\./);
    expect(r).toMatch(/The incident was declared at 13:16 UTC/);
    expect(r).toMatch(/Tried at 13:20 UTC: a rollback of checkout to v3\.7\.4/);
  });

  it('says the rollback ended the impact', () => {
    const rollback = fiveTools.moments.mitigationStarted!.ref!;
    expect(fiveTools.narrative.resolution[0].refs).toEqual([fiveTools.moments.recovered!.ref, rollback]);
    expect(fiveTools.narrative.resolution[0].text).toMatch(
      /^Impact ended at 13:27 UTC .*7 min after a rollback of checkout/,
    );
  });

  it('drafts what went well and wrong from the findings: quick alert, ack within policy, rollback, the freeze', () => {
    expect(texts(fiveTools.narrative.wentWell)).toMatch(
      /Monitoring caught it quickly[\s\S]*within the 5 min policy[\s\S]*The rollback worked/,
    );
    expect(texts(fiveTools.narrative.wentWrong)).toContain('during a change freeze');
    for (const c of [...fiveTools.narrative.wentWell, ...fiveTools.narrative.wentWrong])
      expect(c.draft).toBe(true);
  });

  it('renders every section in order, with the sign-off last before the appendices', () => {
    const order = [
      'Summary',
      'Impact',
      'Trigger',
      'Root cause analysis',
      'Detection',
      'Response',
      'Resolution',
      'Timeline',
      'What went well',
      'What went wrong',
      'Where we got lucky',
      'Action items',
      'Open questions',
      'Sign-off',
    ];
    const at = order.map((t) => fiveToolsMd.indexOf(`\n## ${t}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('checkout-logs-metrics: measured impact and an honest response', () => {
  it('states the peak error rate and the failed requests, cited to the metric entries', () => {
    const i = texts(logsMetrics.narrative.impact);
    expect(i).toMatch(/The error rate peaked at 15\.5 % against a baseline of 0\.20 %/);
    expect(i).toMatch(/About 66,608 requests failed/);
    const refs = new Set(logsMetrics.timeline.map((e) => e.ref));
    for (const c of logsMetrics.narrative.impact) for (const r of c.refs) expect(refs.has(r)).toBe(true);
  });

  it('says no alert caught it, nobody acknowledged and nothing recorded ended it', () => {
    expect(texts(logsMetrics.narrative.detection)).toContain('No alert, page or report is in the evidence');
    expect(texts(logsMetrics.narrative.response)).toContain('No acknowledgement by a responder is recorded.');
    expect(texts(logsMetrics.narrative.resolution)).toContain('what ended the impact is not in the evidence');
    expect(texts(logsMetrics.narrative.lucky)).toContain('with no recorded mitigation');
  });
});
