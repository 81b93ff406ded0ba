import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kubernetesEvents } from './kubernetes-events.js';
import { fixture, open, openText, readFile, readWith } from './test-kit.js';

const k8s = (name: string) => fixture('kubernetes', name);

describe('kubernetes-events', () => {
  it('reads a single real v1 Event as an info log with the image pulled', async () => {
    const { events, problems } = await readFile(kubernetesEvents, k8s('k9s__ev.json'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'log',
        ts: Date.parse('2019-08-30T20:43:05Z'),
        ref: 'k8s-c443d4b3-cb66-11e9-990f-42010a800218',
        service: 'hello',
        summary: 'Pod/hello-1567197780-mn4mv Pulled: Successfully pulled image "blang/busybox-bash"',
        source: { file: 'k9s__ev.json', line: 24 },
      }),
    ]);
    expect(events[0].attrs).toMatchObject({
      image: 'blang/busybox-bash',
      node: 'gke-k9s-default-pool-0fa2fb89-qnkc',
      level: 'info',
    });
  });

  it('reads a kubectl List: a rollout as a change, warnings as failing health, repeats counted', async () => {
    const { events, problems } = await readFile(kubernetesEvents, k8s('event-list.json'));
    expect(problems).toEqual([]);
    expect(
      events.map((e) => [new Date(e.ts).toISOString(), e.kind, e.attrs?.reason, e.attrs?.count]),
    ).toEqual([
      ['2026-02-10T12:06:02.000Z', 'log', 'ScalingReplicaSet', 1],
      ['2026-02-10T12:06:02.000Z', 'change', undefined, 1],
      ['2026-02-10T12:06:03.412Z', 'health', 'FailedScheduling', 4],
      ['2026-02-10T12:06:05.000Z', 'log', 'Pulled', 5],
      ['2026-02-10T12:06:20.000Z', 'health', 'Unhealthy', 10],
      ['2026-02-10T12:06:40.000Z', 'health', 'BackOff', 256],
    ]);
    const scaling = events[0];
    expect(scaling.service).toBe('user-profile-resources');
    expect(scaling.attrs).toMatchObject({
      replicaSet: 'user-profile-resources-659d4dd659',
      podTemplateHash: '659d4dd659',
      replicas: 1,
    });
    expect(events[1].summary).toBe('Rollout of user-profile-resources to 659d4dd659 (1.35): 1 scale-up step');
    const backoff = events[5];
    expect(backoff).toMatchObject({ service: 'user-profile-resources', source: { line: 81 } });
    expect(backoff.attrs).toMatchObject({ lastSeen: '2026-02-10T13:01:10Z', level: 'warning' });
    expect(backoff.summary).toMatch(
      /^Pod\/user-profile-resources-659d4dd659-cq4kq BackOff: Back-off restarting failed container main/,
    );
  });

  it('reads an events.k8s.io/v1 Event by eventTime, note and series', async () => {
    const { events } = await readFile(kubernetesEvents, k8s('event-list.json'));
    const scheduling = events.find((e) => e.attrs?.reason === 'FailedScheduling')!;
    expect(scheduling).toMatchObject({
      service: 'frontend-service',
      ref: 'k8s-0b6f3c1e-0005-4d7a-9a51-5a0c1f0e0005',
    });
    expect(scheduling.attrs).toMatchObject({
      count: 4,
      lastSeen: '2026-02-10T12:09:03.000000Z',
      reporter: 'default-scheduler',
    });
  });

  it('detects a list longer than the sample from its opening keys', async () => {
    const list = JSON.parse(readFileSync(k8s('event-list.json'), 'utf8'));
    const many = Array.from({ length: 80 }, (_, i) => ({
      ...list.items[2],
      metadata: { ...list.items[2].metadata, uid: `u${i}` },
    }));
    const input = await openText(JSON.stringify({ ...list, items: many }, null, 4), 'events.json');
    expect(input.sample.length).toBeLessThan(input.size);
    expect(kubernetesEvents.detect(input)).toBe(true);
    expect((await readWith(kubernetesEvents, input)).events).toHaveLength(80);
  });

  it('skips an event without any timestamp and a truncated list', async () => {
    const bare = {
      apiVersion: 'v1',
      kind: 'Event',
      involvedObject: { kind: 'Pod', name: 'p' },
      reason: 'BackOff',
    };
    const { events, problems } = await readWith(kubernetesEvents, await openText(JSON.stringify(bare)));
    expect(events).toEqual([]);
    expect(problems).toEqual([{ line: 1, message: 'Kubernetes event BackOff on Pod/p has no timestamp' }]);
    const cut = readFileSync(k8s('event-list.json'), 'utf8').slice(0, 2000);
    expect((await readWith(kubernetesEvents, await openText(cut))).problems[0].message).toMatch(
      /^truncated JSON/,
    );
  });

  it('does not claim Deployment or ReplicaSet objects', async () => {
    expect(kubernetesEvents.detect(await open(k8s('k9s__dp.json')))).toBe(false);
    expect(kubernetesEvents.detect(await open(k8s('k9s__rs.json')))).toBe(false);
  });

  it('marks a Normal lifecycle event routine, and the same reason filed as a Warning not', async () => {
    const { events } = await readFile(kubernetesEvents, k8s('event-list.json'));
    expect(events.filter((e) => e.attrs?.routine).map((e) => e.attrs?.reason)).toEqual([
      'ScalingReplicaSet',
      'Pulled',
    ]);
    const event = (type: string, name: string) => ({
      kind: 'Event',
      apiVersion: 'v1',
      type,
      reason: 'Killing',
      message: 'Stopping container checkout',
      involvedObject: { kind: 'Pod', name, namespace: 'shop' },
      firstTimestamp: '2026-05-19T13:21:58Z',
      metadata: { uid: `uid-${type}` },
    });
    const list = {
      kind: 'List',
      apiVersion: 'v1',
      items: [event('Normal', 'checkout-7c9d5f6b8d-x2x9q'), event('Warning', 'checkout-7c9d5f6b8d-k7m2p')],
    };
    const read = await readWith(kubernetesEvents, await openText(JSON.stringify(list)));
    expect(read.events.map((e) => [e.attrs?.type, e.attrs?.routine ?? false, e.attrs?.replicaSet])).toEqual([
      ['Normal', true, 'checkout-7c9d5f6b8d'],
      ['Warning', false, 'checkout-7c9d5f6b8d'],
    ]);
  });
});
