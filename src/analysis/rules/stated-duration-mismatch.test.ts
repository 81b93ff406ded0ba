import { describe, expect, it } from 'vitest';
import { ev } from '../../../test/support/events.js';
import { type Event, Manifest, type Statement } from '../../model/index.js';
import { findMoments } from '../moments.js';
import { statedDurationMismatch, tolerance } from './stated-duration-mismatch.js';

const stated = (name: string, minutes: number, text: string, line = 48) => ({
  kind: 'duration' as const,
  name,
  seconds: minutes * 60,
  text,
  source: { file: 'postmortem.md', line },
});

/** dfds PM2021-005 as a small timeline: the change at 0, symptom and alert at 8, recovery at 25. */
const change = ev(0, 'change', 'VPC CNI replaced by the pipeline', [], { ref: 'CHANGE-1' });
const course = [
  change,
  ev(8, 'alert', 'Issue detected as a result of alerts', ['symptom', 'detect'], { ref: 'ALERT-1' }),
  ev(25, 'action', 'Target groups reattached (resolved)', ['recovery'], { ref: 'ACT-1' }),
];

function check(statements: Statement[], events: Event[] = course, trigger: Event | null = change) {
  const moments = { trigger, ...findMoments(events) };
  return statedDurationMismatch.check({
    events,
    moments,
    suspects: [],
    manifest: Manifest.parse({}),
    statements,
  });
}

describe('stated-duration-mismatch', () => {
  it('agrees when a figure matches a duration counted from the change', () => {
    expect(
      check([
        stated('time to detection', 8, 'Time to detection: 8 minutes'),
        stated('time to recovery', 25, 'Time to recovery: 25 minutes', 49),
      ]),
    ).toEqual([]);
  });

  it('agrees within a minute, and when the figure counts from the first symptom instead', () => {
    expect(check([stated('time to detection', 9, 'Time to detection: 9 minutes')])).toEqual([]);
    const late = [change, ev(3, 'report', 'users report errors', ['symptom']), ...course.slice(1)];
    // From the symptom at 3 to the alert at 8: 5 minutes, as some teams count it.
    expect(check([stated('time to detection', 5, 'Time to detection: 5 minutes')], late)).toEqual([]);
  });

  it('reports a figure no computed duration matches, citing its line and the moments compared', () => {
    const [finding] = check([stated('time to recovery', 40, 'Time to recovery: 40 minutes', 49)]);
    expect(finding.statement).toBe(
      'The document states "Time to recovery: 40 minutes" (postmortem.md:49), but the timeline shows 17 min from the first symptom to recovery (ALERT-1 to ACT-1) and 25 min from the change to recovery (CHANGE-1 to ACT-1) and 17 min from detection to recovery (ALERT-1 to ACT-1).',
    );
    expect(finding.evidenceRefs).toEqual(['ALERT-1', 'ACT-1', 'CHANGE-1']);
  });

  it('says nothing when the durations it would compare were not computed', () => {
    // No trigger and no symptom before the alert: detection cannot be measured.
    const alone = [ev(25, 'action', 'Target groups reattached (resolved)', ['recovery'])];
    expect(check([stated('time to detection', 30, 'Time to detection: 30 minutes')], alone, null)).toEqual(
      [],
    );
  });

  it('reports a figure whose end the timeline does not record, saying where the figure puts it', () => {
    // dfds PM2020-008: the Stats state a time to recovery; no timeline line says the service recovered.
    const unrecovered = [
      change,
      ev(8, 'report', 'Users reporting timeouts', ['symptom', 'detect'], { ref: 'RPT' }),
    ];
    const [finding] = check(
      [stated('time to recovery', 122, 'Time to recovery: 122 minutes', 40)],
      unrecovered,
    );
    expect(finding.statement).toBe(
      'The document states "Time to recovery: 122 minutes" (postmortem.md:40), but the timeline records no recovery; counted from the first symptom (RPT, 10:08 UTC) it puts recovery at 12:10 UTC, counted from the change (CHANGE-1, 10:00 UTC) it puts recovery at 12:02 UTC.',
    );
    expect(finding.evidenceRefs).toEqual(['RPT', 'CHANGE-1']);
  });

  it('does not compare a figure with a span from an event to itself', () => {
    // The alert is both the first symptom and the detection: the timeline holds nothing before it.
    expect(check([stated('time to detection', 53, 'Time to detection: 53 minutes')], course, null)).toEqual(
      [],
    );
  });

  it('leaves figures whose name it cannot map, and a figure stated with several values', () => {
    expect(check([stated('total', 90, 'total of 90 minutes')])).toEqual([]);
    expect(
      check([
        stated('duration', 103, 'Duration: 21:45 to 23:28 UTC (103 minutes)', 20),
        stated('duration', 72, 'Duration: 18:00 to 19:12 UTC (72 minutes)', 57),
      ]),
    ).toEqual([]);
  });

  it('reads "lasted" and "duration" as the length of impact', () => {
    expect(check([stated('lasted', 17, 'The incident lasted 17 minutes.')])).toEqual([]);
    expect(check([stated('duration', 60, 'Duration: 60 minutes')])).toHaveLength(1);
    expect(check([stated('degraded for', 60, 'The API was degraded for 60 minutes.')])).toHaveLength(1);
    expect(check([stated('ttd', 30, 'TTD: 30 min')])).toHaveLength(1);
  });
});

describe('stated-duration-mismatch on spans between two named points', () => {
  // The surveys SDK course as a small timeline: confirmed at 0, reverts begun at 5, mitigated at 46.
  const surveys = [
    ev(-30, 'report', 'Support engineer notices customer reports', ['symptom', 'detect'], { ref: 'RPT' }),
    ev(0, 'ack', 'Issue confirmed by the surveys team', ['ack'], { ref: 'ACK' }),
    ev(5, 'rollback', 'Begin reverting suspected PRs', ['mitigation'], { ref: 'RB' }),
    ev(46, 'note', 'Reverts deployed, issue mitigated', ['recovery'], { ref: 'OK' }),
  ];
  const span = (name: string, minutes: number, text: string) => stated(name, minutes, text, 30);

  it('agrees when the span between the moments it names matches', () => {
    const text = 'From confirmation to mitigation was 46 min.';
    expect(check([span('from confirmation to mitigation', 46, text)], surveys, null)).toEqual([]);
    expect(
      check([span('from detection to recovery', 76, 'Detection to recovery: 76 minutes')], surveys, null),
    ).toEqual([]);
  });

  it('reports a span that disagrees, citing both moments', () => {
    const [finding] = check(
      [span('from confirmation to rollback', 20, 'From confirmation to rollback: 20 minutes')],
      surveys,
      null,
    );
    expect(finding.statement).toBe(
      'The document states "From confirmation to rollback: 20 minutes" (postmortem.md:30), but the timeline shows 5 min from acknowledgement to the start of mitigation (ACK to RB).',
    );
    expect(finding.evidenceRefs).toEqual(['ACK', 'RB']);
  });

  it('says nothing about a span whose moments were not found, and never reads it as a named figure', () => {
    expect(
      check([span('from declaration to closure', 90, 'Declaration to closure: 90 min')], surveys, null),
    ).toEqual([]);
    // "detection" inside the span is not "time to detection".
    expect(check([span('from detection to closure', 3, 'Detection to closure: 3 min')], course)).toEqual([]);
  });
});

describe('tolerance', () => {
  it('allows a minute for figures written to the minute', () => {
    expect(tolerance(stated('time to recovery', 240, 'Time to recovery: 240 minutes'))).toBe(60);
  });

  it('allows the rounding a coarse unit implies, but no more than a tenth of the figure', () => {
    expect(tolerance(stated('duration', 120, 'Duration: 2 hours'))).toBe(12 * 60);
    expect(tolerance(stated('time to recovery', 22 * 60, 'Time to recovery: 22 hours'))).toBe(30 * 60);
  });

  it('allows the larger of the two when the figure is stated as approximate', () => {
    expect(tolerance(stated('lasted', 26, 'The incident lasted approximately 26 minutes'))).toBe(156);
    expect(tolerance(stated('duration', 120, 'Duration: about 2 hours'))).toBe(30 * 60);
  });
});
