import { describe, expect, it } from 'vitest';
import type { Event } from '../model/index.js';
import { foldRoutine } from './fold.js';

const T0 = Date.parse('2026-05-19T13:00:00Z');
let line = 0;
const at = (
  min: number,
  summary: string,
  attrs: Record<string, unknown>,
  kind: Event['kind'] = 'log',
): Event => {
  const source = { file: 'events.json', line: ++line };
  return {
    ts: T0 + min * 60_000,
    kind,
    signals: [],
    service: 'checkout',
    ref: `k8s-${line}`,
    ownRef: true,
    summary,
    details: [],
    attrs,
    source,
    sources: [source],
  };
};
const rollout = (min: number, lastMin: number, replicaSets: string[], kind: Event['kind'] = 'change') =>
  at(
    min,
    'Deployment/checkout rolled out',
    {
      object: 'Deployment/checkout',
      replicaSets,
      lastStep: new Date(T0 + lastMin * 60_000).toISOString(),
    },
    kind,
  );
const pod = (min: number, name: string, reason: string, routine = true) =>
  at(min, `Pod/${name} ${reason}`, {
    reason,
    type: routine ? 'Normal' : 'Warning',
    object: `Pod/${name}`,
    replicaSet: name.replace(/-[a-z0-9]{5}$/, ''),
    ...(routine ? { routine: true } : {}),
  });

describe('foldRoutine', () => {
  it('folds the pods a rollout starts into the rollout, which cites each of them', () => {
    const deploy = rollout(2, 4, ['checkout-7c9d5f6b8d', 'checkout-6b8f9c7d4f']);
    const started = [
      pod(2.2, 'checkout-7c9d5f6b8d-x2x9q', 'Scheduled'),
      pod(2.3, 'checkout-7c9d5f6b8d-x2x9q', 'Pulled'),
      pod(2.4, 'checkout-7c9d5f6b8d-x2x9q', 'Started'),
    ];
    const out = foldRoutine([deploy, ...started]);
    expect(out).toEqual([deploy]);
    expect(deploy.folded?.map((f) => f.summary)).toEqual(started.map((e) => e.summary));
    expect(deploy.folded?.[0].id).toBe(started[0].ref);
    expect(deploy.sources).toHaveLength(4);
  });

  it('folds the pods a rollback stops into the rollback, not into the rollout that started them', () => {
    const deploy = rollout(2, 4, ['checkout-7c9d5f6b8d', 'checkout-6b8f9c7d4f']);
    const rollback = rollout(21, 24, ['checkout-6b8f9c7d4f', 'checkout-7c9d5f6b8d'], 'rollback');
    const killing = pod(22, 'checkout-7c9d5f6b8d-x2x9q', 'Killing');
    foldRoutine([deploy, rollback, killing]);
    expect(rollback.folded?.map((f) => f.summary)).toEqual([killing.summary]);
    expect(deploy.folded).toBeUndefined();
  });

  it('keeps events that matter as entries: a Warning is never folded', () => {
    const deploy = rollout(2, 4, ['checkout-7c9d5f6b8d']);
    const unhealthy = pod(9, 'checkout-7c9d5f6b8d-x2x9q', 'Unhealthy', false);
    const failedPull = pod(3, 'checkout-7c9d5f6b8d-k7m2p', 'Failed', false);
    expect(foldRoutine([deploy, failedPull, unhealthy])).toEqual([deploy, failedPull, unhealthy]);
  });

  it('folds a restart into the back-off of the same pod when no rollout is near', () => {
    const backOff = pod(12, 'checkout-7c9d5f6b8d-x2x9q', 'BackOff', false);
    const restarted = [
      pod(12.5, 'checkout-7c9d5f6b8d-x2x9q', 'Pulled'),
      pod(12.6, 'checkout-7c9d5f6b8d-x2x9q', 'Started'),
    ];
    const far = rollout(40, 42, ['checkout-7c9d5f6b8d']);
    expect(foldRoutine([backOff, ...restarted, far])).toEqual([backOff, far]);
    expect(backOff.folded).toHaveLength(2);
  });

  it('makes one entry of the routine records of one object that belong to nothing else', () => {
    const alone = [
      pod(5, 'checkout-7c9d5f6b8d-x2x9q', 'Scheduled'),
      pod(5.1, 'checkout-7c9d5f6b8d-x2x9q', 'Pulled'),
      pod(5.2, 'checkout-7c9d5f6b8d-x2x9q', 'Started'),
    ];
    const [entry, ...rest] = foldRoutine(alone);
    expect(rest).toEqual([]);
    expect(entry.summary).toBe('Pod/checkout-7c9d5f6b8d-x2x9q: Scheduled, Pulled, Started');
    expect(entry.folded).toHaveLength(3);
    expect(entry.sources.map((s) => s.line)).toEqual(alone.map((e) => e.source.line));
  });

  it("folds a streak's records however far apart, until a record of their object that is not routine", () => {
    const run = (min: number, result: string, routine = result === 'success') =>
      at(
        min,
        `Workflow "test" run on main: ${result}`,
        {
          object: 'Workflow "test" on main',
          reason: result,
          ...(routine ? { routine: true, streak: true } : {}),
        },
        'note',
      );
    const deploy = at(100, 'Deploy checkout', { object: 'Deployment/checkout' }, 'change');
    const events = [
      run(0, 'success'),
      run(60, 'success'),
      deploy,
      run(125, 'success'),
      run(180, 'failure'),
      run(240, 'success'),
      run(300, 'success'),
    ];
    const out = foldRoutine(events);
    expect(out.map((e) => [e.ts, e.summary, e.folded?.length ?? 0])).toEqual([
      [T0, 'Workflow "test" on main: success', 3],
      [T0 + 100 * 60_000, 'Deploy checkout', 0],
      [T0 + 180 * 60_000, 'Workflow "test" run on main: failure', 0],
      [T0 + 240 * 60_000, 'Workflow "test" on main: success', 2],
    ]);
  });

  it("never folds a streak's record into another entry of its object, however near", () => {
    const failure = at(
      0,
      'Workflow "test" run on main: failure',
      { object: 'Workflow "test" on main' },
      'note',
    );
    const passing = at(
      3,
      'Workflow "test" run on main: success',
      {
        object: 'Workflow "test" on main',
        reason: 'success',
        routine: true,
        streak: true,
      },
      'note',
    );
    expect(foldRoutine([failure, passing]).map((e) => e.summary)).toEqual([failure.summary, passing.summary]);
  });
});
