import { describe, expect, it } from 'vitest';
import {
  type Change,
  observe,
  type RuleMemory,
  type RuleOptions,
  type Sample,
  startGuarding,
  startSettling,
} from './rule.js';

const options: RuleOptions = {
  failures: 3,
  forMs: 1000,
  settleMs: 1000,
  watchMs: 5000,
  recoverWithinMs: 3000,
};
const URL = 'http://svc/health';

/** Rounds every 250 ms from t=0, each `true` (pass) or `false` (fail), or an error rate. */
const rounds = (results: Array<boolean | number | null>, start = 0): Sample[] =>
  results.map((r, i) => ({
    ts: start + i * 250,
    checks: typeof r === 'boolean' ? [{ url: URL, ok: r }] : [{ url: URL, ok: true }],
    ...(typeof r === 'boolean' ? {} : { errorRate: r }),
  }));

function run(memory: RuleMemory, samples: Sample[], opts = options) {
  const changes: Array<Change & { ts: number }> = [];
  for (const s of samples) {
    const step = observe(memory, s, opts);
    memory = step.memory;
    if (step.change) changes.push({ ...step.change, ts: s.ts });
  }
  return { memory, changes };
}

describe('the failure rule', () => {
  it('detects three consecutive failed checks of one URL', () => {
    const { changes } = run(startGuarding(0), rounds([true, false, false, false, true]));
    expect(changes).toEqual([
      { state: 'failing', reason: `failed check of ${URL}`, ts: 250 },
      { state: 'detected', reason: `3 consecutive failed checks of ${URL}`, ts: 750 },
    ]);
  });

  it('goes back to watching when a failure does not repeat enough', () => {
    const { changes, memory } = run(startGuarding(0), rounds([false, false, true, false, false, true]));
    expect(changes.map((c) => c.state)).toEqual(['failing', 'watching', 'failing', 'watching']);
    expect(memory.state).toBe('watching');
  });

  it('calls the deploy healthy once checks have passed for the watch period', () => {
    const { changes } = run(startGuarding(0), rounds(Array(25).fill(true)));
    expect(changes).toEqual([
      { state: 'healthy', reason: 'checks passed for 5s after the deploy', ts: 5000 },
    ]);
  });

  it('does not call a deploy healthy while a check is failing', () => {
    const samples = rounds([...Array(20).fill(true), false, false, true, true]);
    const { changes } = run(startGuarding(0), samples);
    expect(changes.map((c) => [c.state, c.ts])).toEqual([
      ['failing', 5000],
      ['watching', 5500],
      ['healthy', 5750],
    ]);
  });

  it('detects an error rate above the threshold for the period, and a gap does not end the period', () => {
    const opts = { ...options, errorRateAbove: 0.05 };
    const { changes } = run(startGuarding(0), rounds([0.01, 0.2, 0.3, null, 0.4, 0.5]), opts);
    expect(changes).toEqual([
      { state: 'failing', reason: 'error rate 0.2 above 0.05', ts: 250 },
      { state: 'detected', reason: 'error rate 0.5 above 0.05 for 1s', ts: 1250 },
    ]);
  });

  it('ignores the error rate when no threshold was set', () => {
    const { changes } = run(startGuarding(0), rounds([0.9, 0.9, 0.9, 0.9, 0.9, 0.9]));
    expect(changes).toEqual([]);
  });

  it('calls the service recovered once checks pass for the settling period after the rollback', () => {
    const { changes } = run(startSettling(0), rounds([false, false, true, true, true, true, true]));
    expect(changes).toEqual([
      { state: 'recovered', reason: 'checks passed for 1s after the rollback', ts: 1500 },
    ]);
  });

  it('starts the settling period again when a check fails during it', () => {
    const { changes } = run(
      startSettling(0),
      rounds([true, true, true, false, true, true, true, true, true]),
    );
    expect(changes).toEqual([
      { state: 'recovered', reason: 'checks passed for 1s after the rollback', ts: 2000 },
    ]);
  });

  it('reports the rollback did not restore service when checks still fail at the deadline, once', () => {
    const { changes, memory } = run(startSettling(0), rounds(Array(20).fill(false)));
    expect(changes).toEqual([
      { state: 'not-recovered', reason: `failed check of ${URL} 3s after the rollback`, ts: 3000 },
    ]);
    expect(memory.state).toBe('not-recovered');
  });

  it('says what settling followed when there was no rollback', () => {
    const { changes } = run(startSettling(0, 'detection'), rounds(Array(20).fill(false)));
    expect(changes[0].reason).toBe(`failed check of ${URL} 3s after detection`);
  });

  it('says nothing more once a watch has ended', () => {
    const detected = run(startGuarding(0), rounds([false, false, false])).memory;
    expect(run(detected, rounds([false, false, false, false], 1000)).changes).toEqual([]);
  });
});
