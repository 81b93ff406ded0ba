// The summary of the two checkout examples: plain words that cite refs; evidence text stays in the timeline.
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { Report } from '../../src/model/index.js';

const EXAMPLES = ['examples/checkout-five-tools', 'examples/checkout-logs-metrics'];
const IP = /\b\d{1,3}(?:\.\d{1,3}){3}\b/;
// Kubernetes names pods from an alphabet without vowels: checkout-7c9d5f6b8d-x2x9q.
const POD = /\b[a-z][a-z0-9-]{0,40}-[bcdfghj-np-tv-z2456789]{6,10}-[bcdfghj-np-tv-z2456789]{5}\b|\bPod\//;

const reports = new Map<string, Report>();
const executives = new Map<string, string>();
beforeAll(async () => {
  for (const bundle of EXAMPLES) {
    reports.set(bundle, (await generate([bundle], { format: 'json', library: false })).report);
    executives.set(bundle, (await generate([bundle], { audience: 'executive', library: false })).output);
  }
}, 120_000);

describe.each(EXAMPLES)('the summary of %s', (bundle) => {
  it('quotes no evidence text: no pod name, address or log template', () => {
    const r = reports.get(bundle)!;
    const summary = r.incident.summary;
    expect(summary).not.toMatch(IP);
    expect(summary).not.toMatch(POD);
    expect(summary).not.toContain('<*>');
    for (const e of r.timeline) expect(summary).not.toContain(e.summary.slice(0, 40));
  });

  it('cites the entries of its moments by ref', () => {
    const r = reports.get(bundle)!;
    const cited = [...r.incident.summary.matchAll(/\(([^\s(),]+)\)/g)].map((m) => m[1]);
    expect(cited).toContain(r.moments.impactStart?.ref);
    expect(cited).toContain(r.moments.recovered?.ref);
    const refs = new Set(r.timeline.map((e) => e.ref));
    for (const ref of cited) expect(refs.has(ref)).toBe(true);
  });

  it('says in the executive version what happened without refs, addresses or pod names', () => {
    const md = executives.get(bundle)!;
    const happened = md.split('## What happened')[1].split('## ')[0];
    expect(happened).toMatch(/Impact on checkout began at \d\d:\d\d UTC/);
    expect(happened).not.toMatch(IP);
    expect(happened).not.toMatch(POD);
    for (const e of reports.get(bundle)!.timeline) expect(happened).not.toContain(`(${e.ref})`);
  });
});
