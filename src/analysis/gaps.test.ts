import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { Manifest } from '../model/index.js';
import { analyze } from './analyze.js';

const manifest = Manifest.parse({ services: ['api'] });
const minute = (m: number) => Date.parse('2026-02-10T10:00:00Z') + m * 60_000;

/** A deploy, an alert, an acknowledgement, a rollback and a recovery, with nothing measured. */
const course = [
  ev(0, 'change', 'Deploy api v2.0.0', [], { ref: 'DEP-1' }),
  ev(3, 'alert', '5xx rate high on api', ['symptom', 'detect'], { ref: 'ALT-1' }),
  ev(4, 'ack', 'Acknowledged', ['ack']),
  ev(5, 'chat', 'Declaring an incident', ['declare']),
  ev(20, 'rollback', 'Rollback api to v1.9.9', ['mitigation']),
  ev(22, 'alert_resolved', '5xx rate normal', ['recovery']),
];

describe('open questions', () => {
  it('ask about impact the report shows as not measured and users it shows as unknown', () => {
    const gaps = analyze(course, manifest).gaps;
    expect(gaps.find((g) => g.startsWith('Impact is not measured'))).toContain(
      'the error rate, the latency and the number of failed requests are unknown',
    );
    expect(gaps.some((g) => g.startsWith('The number of users affected is unknown'))).toBe(true);
    expect(gaps.some((g) => g.startsWith('Whether the SLO was breached is unknown'))).toBe(true);
  });

  it('leave out the impact figures the evidence measured', () => {
    const errors = {
      name: 'errors',
      measure: 'errorRate' as const,
      service: 'api',
      labels: {},
      points: Array.from({ length: 60 }, (_, i): [number, number] => [
        minute(i - 30),
        i >= 33 && i < 52 ? 0.2 : 0.001,
      ]),
      source: { file: 'errors.json', line: null },
    };
    const gaps = analyze(course, manifest, [errors]).gaps;
    const impact = gaps.find((g) => g.startsWith('Impact is not measured')) ?? '';
    expect(impact).not.toContain('error rate');
    expect(impact).toContain('the latency');
  });

  it('ask who acknowledged even when nothing records how the incident was detected', () => {
    const gaps = analyze(
      [
        ev(3, 'log', 'connection refused', ['symptom']),
        ev(22, 'metric', 'error rate back to baseline', ['recovery']),
      ],
      manifest,
    ).gaps;
    expect(gaps).toContain('No acknowledgement is recorded: who responded, and when?');
  });

  it('ask when the incident was declared and closed when neither is recorded', () => {
    const undeclared = course.filter((e) => !e.signals.includes('declare'));
    expect(analyze(undeclared, manifest).gaps.some((g) => g.startsWith('Neither the declaration'))).toBe(
      true,
    );
    expect(analyze(course, manifest).gaps.some((g) => g.startsWith('Neither the declaration'))).toBe(false);
  });
});
