import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { Manifest } from '../model/index.js';
import { analyze } from './analyze.js';

const manifest = Manifest.parse({ services: ['api'] });

describe('analyze', () => {
  const deployThenRollback = [
    ev(0, 'change', 'Deploy api v2.0.0', [], { ref: 'DEP-1' }),
    ev(3, 'alert', '5xx rate 12% on api', ['symptom', 'detect'], { ref: 'ALT-1' }),
    ev(4, 'ack', 'Acknowledged', ['ack']),
    ev(20, 'rollback', 'Rollback api to v1.9.9', ['mitigation'], { ref: 'RB-1' }),
    ev(22, 'alert_resolved', '5xx rate normal', ['recovery'], { ref: 'ALT-1-RESOLVED' }),
  ];

  it('ranks the deploy as the trigger and the rollback as mitigation, not suspect', () => {
    const a = analyze(deployThenRollback, manifest);
    expect(a.suspects.map((s) => s.ref)).toEqual(['DEP-1']);
    expect(a.suspects[0].confidence).toBeGreaterThanOrEqual(0.8);
    expect(a.moments.trigger?.ref).toBe('DEP-1');
    expect(a.moments.mitigationStarted?.ref).toBe('RB-1');
    expect(a.durations).toMatchObject({
      detect: 0,
      acknowledge: 60,
      mitigate: 19 * 60,
      detectFromTrigger: 180,
      impactFromTrigger: 22 * 60,
    });
  });

  it('names no trigger when the only change came long before and elsewhere', () => {
    const events = [
      ev(-600, 'change', 'Reindex search', [], { ref: 'CHG-9', service: 'search' }),
      ev(3, 'alert', '5xx on api', ['symptom', 'detect']),
      ev(30, 'alert_resolved', '5xx normal', ['recovery']),
    ];
    const a = analyze(events, manifest);
    expect(a.moments.trigger).toBeNull();
    expect(a.suspects[0].confidence).toBeLessThan(0.5);
    expect(a.suspects[0].against[0]).toContain('search');
    expect(a.gaps.some((g) => g.includes('No change in the evidence convincingly explains'))).toBe(true);
    expect(a.findings.map((f) => f.rule)).toContain('recovered-without-mitigation');
  });

  it('writes symptom-precedes-change against a deploy that came after the first alert', () => {
    const events = [
      ev(0, 'alert', 'latency spike', ['symptom', 'detect']),
      ...deployThenRollback.map((e) => ({ ...e, ts: e.ts + 120_000 })),
    ];
    const a = analyze(events, manifest);
    expect(a.suspects[0].against.some((x) => x.startsWith('symptom-precedes-change'))).toBe(true);
    expect(a.findings.find((f) => f.rule === 'symptom-precedes-change')?.evidenceRefs).toEqual([
      'ALERT-0',
      'DEP-1',
    ]);
  });

  it('finds no alert fired when people reported it, and a slow acknowledgement against policy', () => {
    const events = [
      ev(0, 'report', 'Customers report errors', ['symptom', 'detect']),
      ev(12, 'ack', 'on it', ['ack']),
    ];
    const a = analyze(events, Manifest.parse({ policies: { ackWithinMinutes: 5 } }));
    expect(a.findings.map((f) => f.rule).sort()).toEqual(['ack-slow', 'no-alert-fired']);
    expect(a.followUps.some((f) => f.action.includes('alerting'))).toBe(true);
  });

  it('cites only timeline refs in every claim, finding and follow-up', () => {
    const a = analyze(deployThenRollback, manifest);
    const refs = new Set(deployThenRollback.map((e) => e.ref));
    for (const cited of [...a.claims, ...a.findings, ...a.followUps].flatMap((x) => x.evidenceRefs))
      expect(refs.has(cited)).toBe(true);
    expect(a.claims.every((c) => c.evidenceRefs.length > 0 && c.confidence > 0 && c.confidence <= 1)).toBe(
      true,
    );
  });

  it('keeps people out of narrative: authors become roles', () => {
    const events = deployThenRollback.map((e) =>
      e.ref === 'DEP-1'
        ? {
            ...e,
            summary: 'Deploy api v2.0.0 (approvals 1/2, author=ops-alice)',
            attrs: { author: 'ops-alice' },
          }
        : e,
    );
    const a = analyze(events, manifest);
    const narrative = JSON.stringify([a.claims, a.findings, a.followUps, a.gaps]);
    expect(narrative).not.toMatch(/alice/i);
    expect(a.findings.find((f) => f.rule === 'approvals-missing')?.statement).toBe(
      'DEP-1 had 1 approval; policy requires 2.',
    );
  });
});
