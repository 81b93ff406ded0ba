import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { Manifest, type Statement } from '../model/index.js';
import { analyze } from './analyze.js';
import { findMoments } from './moments.js';
import { impactBeganWithChange, recoveryFromFigures } from './stated-figures.js';

const figure = (name: string, minutes: number, text: string, line = 40): Statement => ({
  kind: 'duration',
  name,
  seconds: minutes * 60,
  text,
  source: { file: 'postmortem.md', line },
});

/** dfds PM2022-002 as a small timeline: the configuration at 0, the first alert at 41, recovery at 109. */
const config = ev(0, 'change', 'New fluentd configuration deployed', [], { ref: 'CHG', service: null });
const course = [
  config,
  ev(41, 'alert', 'Received alert: Fluentd available buffer space ratio', ['symptom', 'detect'], {
    ref: 'ALERT',
  }),
  ev(78, 'rollback', 'Fluentd configuration change reverted', ['mitigation'], { ref: 'RB' }),
  ev(109, 'note', 'All fluentd DaemonSets running with correct ARN again', ['recovery'], { ref: 'OK' }),
];
const moments = (trigger = config) => ({ trigger, ...findMoments(course) });

describe('impact began with the change, by the document’s own figures', () => {
  it('a time to recovery counted from the change, and none from the first symptom, says so', () => {
    expect(
      impactBeganWithChange(moments(), [figure('time to recovery', 109, 'Time to recovery: 109 minutes')]),
    ).toBe(true);
  });

  it('a figure counted from the first symptom says impact began there, whatever the others say', () => {
    const fromSymptom = [
      figure('time to recovery', 109, 'Time to recovery: 109 minutes'),
      figure('time to detection', 0, 'Time to detection: 0 minutes', 39),
      figure('lasted', 68, 'The outage lasted 68 minutes.', 3),
    ];
    expect(impactBeganWithChange(moments(), fromSymptom)).toBe(false);
  });

  it('no figure, a figure that matches neither start, or a span between named points says nothing', () => {
    expect(impactBeganWithChange(moments(), [])).toBe(false);
    expect(
      impactBeganWithChange(moments(), [figure('time to recovery', 200, 'Time to recovery: 200 minutes')]),
    ).toBe(false);
    expect(
      impactBeganWithChange(moments(), [
        figure('from deploy to recovery', 109, 'From deploy to recovery: 109 minutes'),
      ]),
    ).toBe(false);
  });

  it('moves impact start to the change in the analysis, so the durations count from it', () => {
    const manifest = Manifest.parse({});
    const statements = [figure('time to recovery', 109, 'Time to recovery: 109 minutes')];
    const without = analyze(course, manifest);
    const a = analyze(course, manifest, [], statements);
    expect(a.moments.trigger?.ref).toBe('CHG');
    expect(without.moments.impactStart?.ref).toBe('ALERT');
    expect(a.moments.impactStart?.ref).toBe('CHG');
    expect(a.durations).toMatchObject({ detect: 41 * 60, impact: 109 * 60 });
    expect(a.findings.map((f) => f.rule)).not.toContain('stated-duration-mismatch');
  });
});

describe('recovery placed by the document’s own time to recovery', () => {
  // dfds PM2020-008 as a small timeline: no line says the service recovered; the Stats say 122 min.
  const controller = ev(0, 'change', 'Applied the admission controller', [], { ref: 'CHG' });
  const silent = [
    controller,
    ev(88, 'report', 'Users reporting timeout issues', ['symptom', 'detect'], { ref: 'RPT' }),
    ev(111, 'ack', 'Verification of the timeout issue', ['ack'], { ref: 'ACK' }),
    ev(122, 'rollback', 'Toggled the admission controller off to verify the fix', ['mitigation'], {
      ref: 'RB-1',
    }),
    ev(146, 'rollback', 'Permanently deleted the admission controller', ['mitigation'], { ref: 'RB-2' }),
  ];
  const ttr = (minutes: number) => [
    figure('time to recovery', minutes, `Time to recovery: ${minutes} minutes`),
  ];
  const at = { trigger: controller, ...findMoments(silent) };

  it('lands on the one mitigation the figure puts the end at, counted from a start the timeline has', () => {
    expect(at.recovered).toBeNull();
    expect(recoveryFromFigures(at, ttr(122), silent)?.ref).toBe('RB-1');
  });

  it('says nothing when the figure lands on no mitigation, or the timeline records a recovery', () => {
    expect(recoveryFromFigures(at, ttr(100), silent)).toBeNull();
    const recovered = { ...at, recovered: silent[4] };
    expect(recoveryFromFigures(recovered, ttr(122), silent)).toBeNull();
  });

  it('gives the analysis its recovery and the durations that count to it', () => {
    const a = analyze(silent, Manifest.parse({}), [], ttr(122));
    expect(a.moments.recovered?.ref).toBe('RB-1');
    expect(a.durations.impactFromTrigger).toBe(122 * 60);
    const claim = a.claims.find((c) => c.statement.startsWith('The service recovered'));
    expect(claim?.evidenceRefs).toEqual(['RB-1']);
    expect(claim?.confidence).toBeLessThanOrEqual(1);
  });
});
