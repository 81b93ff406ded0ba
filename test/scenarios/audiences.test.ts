// The executive and customer versions of the two checkout examples keep their promise in every format.
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { Report } from '../../src/model/index.js';
import type { Audience } from '../../src/report/index.js';

const EXAMPLES = ['examples/checkout-five-tools', 'examples/checkout-logs-metrics'];
const FORMATS = ['md', 'html', 'json'] as const;
const IP = /\b\d{1,3}(?:\.\d{1,3}){3}\b/;
// Kubernetes names pods from an alphabet without vowels: checkout-7c9d5f6b8d-x2x9q.
const POD = /\b[a-z][a-z0-9-]{0,40}-[bcdfghj-np-tv-z2456789]{6,10}-[bcdfghj-np-tv-z2456789]{5}\b|\bPod\//;

type Outputs = Record<(typeof FORMATS)[number], string>;
const outputs = new Map<string, Outputs>();
const internal = new Map<string, Report>();
const key = (bundle: string, audience: Audience) => `${bundle} ${audience}`;

beforeAll(async () => {
  for (const bundle of EXAMPLES) {
    for (const audience of ['internal', 'executive', 'customer'] as const) {
      const out = {} as Outputs;
      for (const format of FORMATS) {
        const g = await generate([bundle], { format, audience, library: false });
        out[format] = g.output;
        if (audience === 'internal' && format === 'json') internal.set(bundle, g.report);
      }
      outputs.set(key(bundle, audience), out);
    }
  }
}, 300_000);

describe.each(EXAMPLES)('the executive version of %s', (bundle) => {
  const out = () => outputs.get(key(bundle, 'executive'))!;

  it.each(FORMATS)('holds no address, pod name or log template in %s', (format) => {
    const text = out()[format];
    expect(text).not.toMatch(IP);
    expect(text).not.toMatch(POD);
    expect(text).not.toContain('<*>');
    expect(text).not.toContain('&lt;*&gt;');
  });

  it.each(FORMATS)('quotes no evidence text in %s', (format) => {
    const text = out()[format];
    for (const e of internal.get(bundle)!.timeline.filter((x) => x.summary.length >= 30))
      expect(text).not.toContain(e.summary.slice(0, 30));
  });

  it('fits a page', () => {
    const words = out().md.split(/\s+/).filter(Boolean).length;
    expect(words).toBeLessThanOrEqual(400);
  });

  it('is not the internal report in JSON, and points into no timeline', () => {
    expect(out().json).not.toBe(outputs.get(key(bundle, 'internal'))!.json);
    const r = JSON.parse(out().json) as Report;
    expect(r.timeline).toEqual([]);
    for (const m of Object.values(r.moments)) expect(m?.ref ?? null).toBeNull();
    for (const f of r.followUps) expect(f.evidenceRefs).toEqual([]);
    expect(r.incident.summary).toMatch(/began at \d\d:\d\d UTC/);
  });
});

describe.each(EXAMPLES)('the customer version of %s', (bundle) => {
  const out = () => outputs.get(key(bundle, 'customer'))!;

  it.each(FORMATS)('names no incident id, severity, internal service or ref in %s', (format) => {
    const report = internal.get(bundle)!;
    const text = out()[format];
    expect(text).not.toContain(report.incident.id!);
    expect(text).not.toContain(report.incident.severity!);
    expect(text).not.toContain(report.incident.title);
    for (const service of report.incident.services)
      expect(text.toLowerCase()).not.toMatch(new RegExp(`\\b${service}\\b`));
    for (const e of report.timeline) expect(text).not.toContain(e.ref);
  });

  it.each(FORMATS)('holds no address or pod name in %s', (format) => {
    expect(out()[format]).not.toMatch(IP);
    expect(out()[format]).not.toMatch(POD);
  });

  it('says in plain words when it began and ended', () => {
    expect(out().md).toMatch(/Starting at .* UTC, some of our customers experienced errors/);
    expect(out().md).toMatch(/Service was fully restored at/);
  });
});
