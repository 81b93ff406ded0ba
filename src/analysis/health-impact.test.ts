import { describe, expect, it } from 'vitest';
import { ev } from '../../test/support/events.js';
import { checkClaim, checksInWindow } from './health-impact.js';

const T0 = Date.parse('2026-02-10T10:00:00Z');
const run = (minutes: number, checks: number, failedChecks: number) =>
  ev(minutes, 'health', `run at ${minutes}`, failedChecks ? ['symptom'] : [], {
    ref: `HC-${minutes}`,
    attrs: {
      checks,
      failedChecks,
      url: 'http://svc/health',
      last: new Date(T0 + (minutes + 1) * 60_000).toISOString(),
    },
  });

describe('failed health checks of the impact window', () => {
  it('adds the failed checks of the runs inside the window, and leaves out those after recovery', () => {
    const events = [run(0, 4, 0), run(5, 6, 6), run(8, 2, 2), run(9, 3, 0), run(20, 2, 2)];
    const found = checksInWindow(events, T0 + 5 * 60_000, T0 + 9 * 60_000);
    expect(found.failedChecks).toBe(8);
    expect(found.evidence.map((e) => e.ref)).toEqual(['HC-5', 'HC-8']);
  });

  it('is unknown without a health-check log, and zero when every recorded check passed', () => {
    expect(
      checksInWindow([ev(1, 'alert', 'High error rate', ['symptom'])], null, null).failedChecks,
    ).toBeNull();
    expect(checksInWindow([run(1, 5, 0)], null, null).failedChecks).toBe(0);
  });

  it('states the failed checks with the runs it counted them from', () => {
    const claim = checkClaim(checksInWindow([run(5, 6, 6), run(8, 2, 2)], null, null));
    expect(claim).toEqual({
      statement:
        '8 health checks of http://svc/health failed during the impact, from 10:05:00 to 10:09:00 UTC: HC-5, HC-8.',
      evidenceRefs: ['HC-5', 'HC-8'],
      confidence: 0.9,
    });
  });
});
