import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { Manifest } from '../model/index.js';
import { analyze } from './analyze.js';
import { scopeToIncident } from './scope.js';

const manifest = Manifest.parse({ services: ['api'] });
const disk = { alertname: 'Disk usage high', fingerprint: 'c5a04f80', labels: { instance: 'batch-01:9100' } };
const none = { service: null };

describe('scopeToIncident', () => {
  it('takes an alert of no named service that fired and resolved before the affected service showed anything for another episode', () => {
    const events = [
      ev(-16 * 60, 'alert', 'Disk usage high on batch-01', ['symptom', 'detect'], {
        ...none,
        ref: 'DISK',
        attrs: disk,
      }),
      ev(-15 * 60, 'alert_resolved', 'Disk usage high on batch-01 resolved', ['recovery'], {
        ...none,
        ref: 'DISK-OK',
        attrs: disk,
      }),
      ev(0, 'change', 'Deploy api 2.0.0', ['change'], { ref: 'DEPLOY' }),
      ev(1, 'log', 'New error log template in api: "Database connection failed"', ['symptom'], {
        ref: 'LOG',
      }),
      ev(2, 'report', 'Users are reporting API errors', ['symptom', 'detect'], { ref: 'REPORT' }),
      ev(3, 'note', 'Service fully operational', ['recovery'], { ref: 'OK' }),
    ];
    const { moments } = analyze(events, manifest);
    expect(moments.impactStart?.ref).toBe('LOG');
    expect(moments.detected?.ref).toBe('REPORT');
    // Kept in the timeline, with no signal for the incident's course.
    const scoped = scopeToIncident(events, manifest);
    expect(scoped).toHaveLength(events.length);
    expect(scoped[0].signals).toEqual([]);
  });

  it('keeps such an alert when it resolved after the affected service showed trouble, or never resolved', () => {
    const during = [
      ev(-10, 'alert', 'Disk usage high on batch-01', ['symptom', 'detect'], {
        ...none,
        ref: 'DISK',
        attrs: disk,
      }),
      ev(1, 'log', 'New error log template in api: "Database connection failed"', ['symptom'], {
        ref: 'LOG',
      }),
      ev(5, 'alert_resolved', 'Disk usage high resolved', ['recovery'], {
        ...none,
        ref: 'DISK-OK',
        attrs: disk,
      }),
    ];
    expect(scopeToIncident(during, manifest)).toBe(during);
    expect(scopeToIncident(during.slice(0, 2), manifest)[0].signals).toEqual(['symptom', 'detect']);
  });
});
