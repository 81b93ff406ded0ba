import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kubernetesEvents } from './kubernetes-events.js';
import { kubernetesRollouts } from './kubernetes-rollouts.js';
import { fixture, open, openText, readFile, readWith } from './test-kit.js';

const rs = () => JSON.parse(readFileSync(fixture('kubernetes', 'k9s__rs.json'), 'utf8'));

/** The real ReplicaSet as revision 2 of its Deployment, with a new image, a day later. */
function nextRevision() {
  const next = rs();
  Object.assign(next.metadata, {
    name: 'icx-db-5f9c8d7b6',
    uid: 'rev-2',
    creationTimestamp: '2019-07-15T09:00:00Z',
  });
  next.metadata.labels['pod-template-hash'] = '5f9c8d7b6';
  next.metadata.annotations['deployment.kubernetes.io/revision'] = '2';
  next.spec.template.spec.containers[0].image = 'postgres:9.6-alpine';
  return next;
}

describe('kubernetes-rollouts', () => {
  it('reads a real ReplicaSet as the rollout of its Deployment at creation', async () => {
    const { events, problems } = await readFile(kubernetesRollouts, fixture('kubernetes', 'k9s__rs.json'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'change',
        ts: Date.parse('2019-07-14T04:54:17Z'),
        service: 'icx-db',
        ref: 'k8s-rs-6f637a60-a5f3-11e9-990f-42010a800218',
        summary: 'Rollout of icx-db revision 1: postgres:9.2-alpine',
        source: { file: 'k9s__rs.json', line: 30 },
      }),
    ]);
    expect(events[0].attrs).toMatchObject({
      revision: 1,
      podTemplateHash: '7d4b578979',
      image: 'postgres:9.2-alpine',
      version: '9.2-alpine',
    });
  });

  it('reads a kubectl list of ReplicaSets as one change per revision, in time order', async () => {
    const list = {
      apiVersion: 'v1',
      items: [nextRevision(), rs()],
      kind: 'List',
      metadata: { resourceVersion: '' },
    };
    const input = await openText(JSON.stringify(list, null, 4), 'rs.json');
    expect(kubernetesRollouts.detect(input)).toBe(true);
    expect(kubernetesEvents.detect(input)).toBe(false);
    const { events } = await readWith(kubernetesRollouts, input);
    expect(events.map((e) => [e.attrs?.revision, e.attrs?.version, new Date(e.ts).toISOString()])).toEqual([
      [1, '9.2-alpine', '2019-07-14T04:54:17.000Z'],
      [2, '9.6-alpine', '2019-07-15T09:00:00.000Z'],
    ]);
  });

  it('dates a ReplicaSet that a rollback brought back by its first revision, and says its return is not recorded', async () => {
    const back = rs();
    back.metadata.annotations['deployment.kubernetes.io/revision'] = '3';
    back.metadata.annotations['deployment.kubernetes.io/revision-history'] = '1';
    const { events, problems } = await readWith(kubernetesRollouts, await openText(JSON.stringify(back)));
    // Its creation time is revision 1's: the rollout it records is that one, not revision 3.
    expect(events[0].attrs).toMatchObject({ revision: 1, currentRevision: 3, revisionHistory: [1] });
    expect(events[0].summary).toMatch(/ revision 1: /);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /is revision 3 again after a rollback \(first revision 1, created .*\): when it came back is not recorded/,
      ),
    ]);
  });

  it('skips a truncated list and does not claim Deployments or events', async () => {
    const cut = JSON.stringify({ apiVersion: 'v1', items: [rs(), rs()] }, null, 2).slice(0, 3000);
    expect((await readWith(kubernetesRollouts, await openText(cut))).problems[0].message).toMatch(
      /^truncated JSON/,
    );
    expect(kubernetesRollouts.detect(await open(fixture('kubernetes', 'k9s__dp.json')))).toBe(false);
    expect(kubernetesRollouts.detect(await open(fixture('kubernetes', 'k9s__ev.json')))).toBe(false);
  });
});
