import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { asObject, asText, type Payload, readPayloads, samplePayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

const REVISION = 'deployment.kubernetes.io/revision';
const HISTORY = 'deployment.kubernetes.io/revision-history';

/** A ReplicaSet that a Deployment owns: one rollout revision. */
const isRevision = (p: Obj | null) =>
  !!p &&
  p.kind === 'ReplicaSet' &&
  asText(asObject(asObject(p.metadata)?.annotations)?.[REVISION]) !== undefined;
const itemsOf = (p: Obj | null) => (p && Array.isArray(p.items) ? p.items.map(asObject) : null);

function detect(input: Input): boolean {
  const [first] = samplePayloads(input, 1);
  const p = asObject(first);
  if (p) return isRevision(p) || (itemsOf(p)?.length ? itemsOf(p)!.every(isRevision) : false);
  const s = input.sample;
  return (
    /^\s*\{\s*"apiVersion"\s*:\s*"v1"\s*,\s*"items"\s*:\s*\[/.test(s) && /"kind"\s*:\s*"ReplicaSet"/.test(s)
  );
}

function imagesOf(rs: Obj): string[] {
  const pod = asObject(asObject(asObject(rs.spec)?.template)?.spec) ?? {};
  const containers = Array.isArray(pod.containers) ? pod.containers : [];
  return containers.map((c) => asText(asObject(c)?.image)).filter((i): i is string => !!i);
}

function fromReplicaSet(rs: Obj, file: string, line: number, ctx: ReadContext): RawEvent | null {
  const meta = asObject(rs.metadata) ?? {};
  const annotations = asObject(meta.annotations) ?? {};
  const name = asText(meta.name) ?? '?';
  const ts = payloadTime(meta.creationTimestamp, ctx.time);
  if (ts == null) {
    ctx.skip(line, `ReplicaSet ${name} has no creationTimestamp`);
    return null;
  }
  const owner = (Array.isArray(meta.ownerReferences) ? meta.ownerReferences : [])
    .map(asObject)
    .find((o) => o?.kind === 'Deployment');
  const deployment = asText(owner?.name) ?? name.replace(/-[a-z0-9]{6,10}$/, '');
  const images = imagesOf(rs);
  const tag = images[0]?.match(/:([\w.-]+)$/)?.[1];
  const revision = asText(annotations[REVISION])!;
  const history = asText(annotations[HISTORY]);
  // A replica set brought back by a rollback takes a new revision but keeps the creation time of
  // its first one ("revision 9", history "7", created a week before): its time is that first
  // rollout's; when it came back is not recorded here.
  const first = history ? Math.min(...history.split(',').map(Number)) : Number(revision);
  if (history)
    ctx.note(
      line,
      `ReplicaSet ${name} is revision ${revision} again after a rollback (first revision ${first}, created ${asText(meta.creationTimestamp)}): when it came back is not recorded in the ReplicaSet`,
    );
  const attrs: Obj = {
    revision: first,
    ...(history ? { currentRevision: Number(revision) } : {}),
    ...(history ? { revisionHistory: history.split(',').map(Number) } : {}),
    replicaSet: name,
    podTemplateHash: asText(asObject(meta.labels)?.['pod-template-hash']),
    namespace: asText(meta.namespace),
    images,
    ...(images.length ? { image: images[0] } : {}),
    ...(tag && tag !== 'latest' ? { version: tag } : {}),
    replicas: asObject(rs.status)?.replicas,
  };
  const summary = `Rollout of ${deployment} revision ${first}${images.length ? `: ${images.join(', ')}` : ''}`;
  return {
    ts,
    kind: 'change',
    service: deployment,
    ref: `k8s-rs-${asText(meta.uid) ?? name}`,
    summary,
    attrs,
    source: { file, line },
  };
}

function eventsOf({ value, line, locate }: Payload, file: string, ctx: ReadContext): RawEvent[] {
  const p = asObject(value);
  const items = isRevision(p) ? [p!] : itemsOf(p);
  if (!items?.every(isRevision)) {
    ctx.skip(line, 'not a Deployment-owned ReplicaSet or a list of them');
    return [];
  }
  return items.flatMap((rs) => {
    const uid = asText(asObject(rs!.metadata)?.uid);
    const event = fromReplicaSet(rs!, file, uid ? locate(`"${uid}"`) : line, ctx);
    return event ? [event] : [];
  });
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const events = (await readPayloads(input, ctx)).flatMap((p) => eventsOf(p, input.name, ctx));
  yield* events.sort((a, b) => a.ts - b.ts);
}

/**
 * Kubernetes rollout history with times: the ReplicaSets a Deployment keeps, one per revision
 * (`kubectl rollout history` itself prints no times).
 */
export const kubernetesRollouts: Source = {
  name: 'kubernetes-rollouts',
  aliases: ['kubernetes-replicasets', 'rollout-history'],
  title:
    'Kubernetes rollout history: ReplicaSets of a Deployment (`kubectl get rs -o json`), one change per revision',
  example: 'kubectl get replicasets -n NAMESPACE -l app=APP -o json > rollouts.json',
  detect,
  read,
};
