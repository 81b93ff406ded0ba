import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../model/index.js';
import { groupRollouts } from './kubernetes-rollout-groups.js';

const T0 = Date.parse('2026-05-19T13:00:00Z');
const at = (min: number, summary: string, attrs: Record<string, unknown>): RawEvent => ({
  ts: T0 + min * 60_000,
  kind: 'change',
  summary,
  attrs,
  source: { file: 'events.json', line: min },
});
const scale = (min: number, dir: 'up' | 'down', rs: string, to: number, from?: number) =>
  at(
    min,
    `Deployment/checkout ScalingReplicaSet: Scaled ${dir} replica set ${rs} to ${to}${from === undefined ? '' : ` from ${from}`}`,
    {
      reason: 'ScalingReplicaSet',
      object: 'Deployment/checkout',
      replicaSet: rs,
      podTemplateHash: rs.slice(-10),
      replicas: to,
      routine: true,
      ...(from === undefined ? {} : { replicasBefore: from }),
    },
  );

describe('groupRollouts', () => {
  const events = [
    scale(2, 'up', 'checkout-7c9d5f6b8d', 1),
    at(2.5, 'Pod/checkout-7c9d5f6b8d-x2x9q Pulling: Pulling image "ghcr.io/acme/checkout:v3.8.0"', {
      object: 'Pod/checkout-7c9d5f6b8d-x2x9q',
      image: 'ghcr.io/acme/checkout:v3.8.0',
      version: 'v3.8.0',
    }),
    scale(3, 'down', 'checkout-6b8f9c7d4f', 2),
    scale(4, 'up', 'checkout-7c9d5f6b8d', 3),
    scale(5, 'down', 'checkout-6b8f9c7d4f', 0),
    scale(21, 'up', 'checkout-6b8f9c7d4f', 3),
    scale(22, 'down', 'checkout-7c9d5f6b8d', 0),
  ];
  const grouped = groupRollouts(events);
  const changes = grouped.filter((e) => e.attrs?.steps);

  it('makes one change of the scaling steps of one rollout, with the image its pods pulled', () => {
    expect(changes[0]).toMatchObject({ kind: 'change', ts: T0 + 2 * 60_000 });
    expect(changes[0].attrs).toMatchObject({
      replicaSet: 'checkout-7c9d5f6b8d',
      version: 'v3.8.0',
      steps: 4,
    });
    expect(changes[0].details ?? []).toEqual([]);
  });

  it('says how far the rollout moved instead of repeating each scaling message', () => {
    expect(changes[0].summary).toBe(
      'Rollout of checkout to 7c9d5f6b8d (v3.8.0): 2 scale-up steps, 2 scale-down steps',
    );
    const counted = groupRollouts([
      scale(2, 'up', 'checkout-7c9d5f6b8d', 1, 0),
      scale(3, 'down', 'checkout-6b8f9c7d4f', 2, 3),
      scale(4, 'up', 'checkout-7c9d5f6b8d', 3, 1),
      scale(5, 'down', 'checkout-6b8f9c7d4f', 0, 2),
    ]).find((e) => e.attrs?.steps);
    expect(counted?.summary).toBe('Rollout of checkout to 7c9d5f6b8d: 3 replicas up, 3 down');
  });

  it('lists every replica set a rollout scaled, so the pods of each can be folded into it', () => {
    expect(changes[0].attrs?.replicaSets).toEqual(['checkout-7c9d5f6b8d', 'checkout-6b8f9c7d4f']);
    expect(changes[1].attrs?.replicaSets).toEqual(['checkout-6b8f9c7d4f', 'checkout-7c9d5f6b8d']);
  });

  it('calls a rollout that scales a retired replica set back up a rollback', () => {
    expect(changes[1]).toMatchObject({ kind: 'rollback', ts: T0 + 21 * 60_000 });
    expect(changes[1].summary).toMatch(/^Rollback of checkout to 6b8f9c7d4f: /);
  });

  it('keeps each scaling step as a routine record, for the timeline to fold into its rollout', () => {
    const steps = grouped.filter((e) => e.attrs?.reason === 'ScalingReplicaSet');
    expect(steps).toHaveLength(6);
    expect(steps.every((e) => e.kind === 'log' && e.attrs?.routine === true)).toBe(true);
    expect(changes.every((e) => e.attrs?.routine === undefined)).toBe(true);
  });

  it('folds old replica sets retired after a pause into the rollout that replaced them, not a rollout of their own', () => {
    const slow = groupRollouts([
      scale(2, 'up', 'checkout-7c9d5f6b8d', 3),
      scale(3, 'down', 'checkout-6b8f9c7d4f', 0),
      scale(32, 'up', 'checkout-6b8f9c7d4f', 3),
      scale(47, 'down', 'checkout-7c9d5f6b8d', 0),
    ]).filter((e) => e.attrs?.steps);
    expect(slow.map((e) => e.kind)).toEqual(['change', 'rollback']);
    expect(slow[1].attrs).toMatchObject({ steps: 2, lastStep: new Date(T0 + 47 * 60_000).toISOString() });
    // Scaling down what the last rollout brought up is a change of its own.
    const scaledToZero = groupRollouts([
      scale(2, 'up', 'checkout-7c9d5f6b8d', 3),
      scale(30, 'down', 'checkout-7c9d5f6b8d', 0),
    ]).filter((e) => e.attrs?.steps);
    expect(scaledToZero).toHaveLength(2);
  });

  it('passes other events through', () => {
    expect(grouped).toHaveLength(9);
    expect(grouped.filter((e) => /Pulling image/.test(e.summary))).toHaveLength(1);
  });
});
