// What a postmortem of a guarded deploy must say, checked the same way on the committed bundle
// and on the one the end-to-end test records live: seed 002's moments, each cited.
import { expect } from 'vitest';

interface Place {
  file: string;
  line: number | null;
}
interface Entry {
  ts: string;
  kind: string;
  ref: string;
  summary: string;
  source: Place;
  sources?: Place[];
  attrs?: Record<string, unknown>;
}
type Moment = { ts: string; ref: string } | null;
export interface GuardedReport {
  timeline: Entry[];
  moments: Record<string, Moment>;
  durations: Record<string, number | null>;
  claims: { statement: string; evidenceRefs: string[] }[];
  impact: Record<string, number | boolean | null>;
}

export interface GuardedRun {
  version: string;
  previousVersion: string;
  /** When the deploy started and when the rollback started, as the test saw them (epoch ms), if it knows. */
  deployedAt?: number;
  rolledBackAt?: number;
  /** The Prometheus series of the service were recorded, so failed requests are measured. */
  requestsMeasured?: boolean;
}

const ms = (m: Moment) => Date.parse(m!.ts);

/** Checks a guarded deploy's report against what was done; returns the entries of the moments. */
export function expectGuardedReport(report: GuardedReport, run: GuardedRun) {
  const byRef = new Map(report.timeline.map((e) => [e.ref, e]));
  const at = (name: string) => {
    const m = report.moments[name];
    expect(m, `moment ${name}`).not.toBeNull();
    const entry = byRef.get(m!.ref);
    expect(entry, `moment ${name} cites ${m!.ref}`).toBeDefined();
    return entry!;
  };
  const trigger = at('trigger');
  expect(trigger.kind).toBe('change');
  expect(trigger.summary).toContain(`Deploy of`);
  expect(trigger.summary).toContain(run.version);
  expect(trigger.source.file).toMatch(/deploys\.jsonl$/);
  if (run.deployedAt) expect(Math.abs(ms(report.moments.trigger) - run.deployedAt)).toBeLessThan(5_000);

  const impact = at('impactStart');
  expect(ms(report.moments.impactStart)).toBeGreaterThanOrEqual(ms(report.moments.trigger));
  expect(['health', 'metric']).toContain(impact.kind);

  const detected = at('detected');
  expect(detected.source.file).toMatch(/watch\.jsonl$/);
  expect(detected.attrs?.state).toBe('detected');
  expect(detected.kind).toBe('health');
  expect(ms(report.moments.detected)).toBeGreaterThanOrEqual(ms(report.moments.impactStart));

  const mitigation = at('mitigationStarted');
  expect(mitigation.kind).toBe('rollback');
  expect(mitigation.summary).toContain(`to ${run.previousVersion} started`);
  expect(ms(report.moments.mitigationStarted)).toBeGreaterThanOrEqual(ms(report.moments.detected));
  if (run.rolledBackAt)
    expect(Math.abs(ms(report.moments.mitigationStarted) - run.rolledBackAt)).toBeLessThan(5_000);

  // The previous version restored, then the checks passing again, then recovery.
  const restored = report.timeline.find((e) => /previous version .* restored/.test(e.summary));
  expect(restored?.summary).toContain(run.previousVersion);
  const passing = report.timeline.find(
    (e) =>
      e.kind === 'health' &&
      /passes again/.test(e.summary) &&
      Date.parse(e.ts) >= ms(report.moments.mitigationStarted),
  );
  expect(passing, 'the checks passing after the rollback').toBeDefined();
  at('recovered');
  expect(ms(report.moments.recovered)).toBeGreaterThanOrEqual(Date.parse(passing!.ts));
  expect(ms(report.moments.recovered)).toBeGreaterThan(ms(report.moments.mitigationStarted));

  for (const d of ['detect', 'mitigate', 'impact', 'detectFromTrigger', 'impactFromTrigger'])
    expect(report.durations[d], `duration ${d}`).toEqual(expect.any(Number));

  expect(report.impact.failedChecks).toBeGreaterThan(0);
  if (run.requestsMeasured) expect(report.impact.failedRequests).toBeGreaterThan(0);

  // Every statement cited, every citation an entry of the timeline, every entry with its place.
  expect(report.claims.length).toBeGreaterThan(0);
  for (const c of report.claims) {
    expect(c.evidenceRefs.length, c.statement).toBeGreaterThan(0);
    for (const r of c.evidenceRefs) expect(byRef.has(r), `${c.statement} cites ${r}`).toBe(true);
  }
  for (const e of report.timeline) expect(e.source.file.length, e.ref).toBeGreaterThan(0);
  expect(report.claims.some((c) => /health checks? of .* failed during the impact/.test(c.statement))).toBe(
    true,
  );
  return { trigger, detected, mitigation, restored: restored!, passing: passing! };
}
