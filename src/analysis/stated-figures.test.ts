import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { Manifest, type Statement } from '../model/index.js';
import { analyze } from './analyze.js';
import { findMoments } from './moments.js';
import { figureFromChange, impactBeganWithChange, recoveryFromFigures } from './stated-figures.js';

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

describe('a figure counted from a change (elife-xpub 2019-03-11, as a small timeline)', () => {
  // A nightly job resets the secrets at 0; the first failure is seen 11 hours later; "MTTD: 11:00".
  const job = ev(0, 'change', 'daily updates set configuration secrets to default values', [], {
    ref: 'JOB',
  });
  const seen = ev(660, 'note', 'Hotjar feedback: users stuck on the login page', ['symptom', 'detect'], {
    ref: 'SEEN',
  });
  const fixed = ev(820, 'note', 'log in works in prod', ['recovery'], { ref: 'OK' });
  const mttd = figure('mttd', 660, 'MTTD: 11:00');

  it('is found when the time to detection runs from the change to the first sign', () => {
    expect(figureFromChange(job, seen, fixed, [mttd])).toBe(mttd);
  });

  it('is not found when the figure fits from the first sign too, or from no change', () => {
    const late = ev(659.5, 'change', 'config pushed', [], { ref: 'LATE' });
    expect(figureFromChange(late, seen, fixed, [figure('mttr', 160, 'MTTR: 02:40')])).toBeNull();
    expect(figureFromChange(job, seen, fixed, [figure('mttd', 120, 'MTTD: 2:00')])).toBeNull();
    expect(figureFromChange(job, seen, fixed, [figure('owner', 660, 'Owner: 11:00')])).toBeNull();
  });

  it('makes that change the trigger and the start of impact', () => {
    const { moments, suspects } = analyze([job, seen, fixed], Manifest.parse({}), [], [mttd]);
    expect(suspects[0]).toMatchObject({ ref: 'JOB' });
    expect(suspects[0].reasons.join(' ')).toContain("the document's figure 'MTTD: 11:00' counts from it");
    expect(moments.trigger?.ref).toBe('JOB');
    expect(moments.impactStart?.ref).toBe('JOB');
    // Without the figure, a change eleven hours before the first sign convinces no one.
    expect(analyze([job, seen, fixed], Manifest.parse({}), [], []).moments.trigger).toBeNull();
  });
});
