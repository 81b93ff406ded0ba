import type { RawEvent } from '../model/index.js';

const MINUTE = 60_000;
/** Scaling steps of one deployment closer than this belong to one rollout. */
const STEP_GAP = 10 * MINUTE;

type Attrs = Record<string, unknown>;
const attrsOf = (e: RawEvent): Attrs => e.attrs ?? {};
const replicaSetOfPod = (object: unknown) =>
  typeof object === 'string' && object.startsWith('Pod/')
    ? object.slice(4).replace(/-[a-z0-9]{5}$/, '')
    : null;

/** The image each replica set's pods pulled: scaling messages name no image, the pods do. */
function imagesByReplicaSet(events: RawEvent[]): Map<string, Attrs> {
  const images = new Map<string, Attrs>();
  for (const e of events) {
    const a = attrsOf(e);
    const rs = replicaSetOfPod(a.object);
    if (rs && a.image && !images.has(rs))
      images.set(rs, { image: a.image, ...(a.version ? { version: a.version } : {}) });
  }
  return images;
}

const isScaling = (e: RawEvent) => attrsOf(e).reason === 'ScalingReplicaSet' && !!attrsOf(e).replicaSet;
const scaledUp = (e: RawEvent) => /Scaled up/.test(e.summary);

function rollout(steps: RawEvent[], images: Map<string, Attrs>, retired: Set<string>): RawEvent {
  const first = steps[0];
  const target = attrsOf(steps.find(scaledUp) ?? first).replicaSet as string;
  // Scaling a replica set back up after an earlier rollout retired it is a rollback.
  const isRollback = retired.has(target);
  const image = images.get(target) ?? {};
  const deployment = String(attrsOf(first).object ?? '');
  const version = image.version ? ` to ${image.version}` : '';
  return {
    ...first,
    kind: isRollback ? 'rollback' : 'change',
    summary: `${deployment} ${isRollback ? 'rolled back' : 'rolled out'}${version}: replica set ${target} (${steps.length} scaling step${steps.length === 1 ? '' : 's'})`,
    details: steps.map((s) => s.summary),
    attrs: {
      ...attrsOf(first),
      ...image,
      replicaSet: target,
      // Every replica set the rollout scaled: the pods each made or stopped fold into this entry.
      replicaSets: [...new Set(steps.map((s) => attrsOf(s).replicaSet as string))],
      steps: steps.length,
      lastStep: new Date(steps.at(-1)!.ts).toISOString(),
    },
  };
}

/**
 * One rollout is one change: the scaling steps of a deployment within minutes of each other
 * become a single entry carrying the new replica set's image; a rollout that scales a retired
 * replica set back up is a rollback. Other events pass through unchanged.
 */
export function groupRollouts(events: RawEvent[]): RawEvent[] {
  const images = imagesByReplicaSet(events);
  const out: RawEvent[] = events.filter((e) => !isScaling(e));
  const byDeployment = new Map<string, RawEvent[]>();
  for (const e of events.filter(isScaling)) {
    const key = String(attrsOf(e).object);
    byDeployment.set(key, [...(byDeployment.get(key) ?? []), e]);
  }
  for (const steps of byDeployment.values()) {
    const retired = new Set<string>();
    let group: RawEvent[] = [];
    const flush = () => {
      if (!group.length) return;
      out.push(rollout(group, images, retired));
      for (const s of group)
        if (!scaledUp(s) && attrsOf(s).replicas === 0) retired.add(attrsOf(s).replicaSet as string);
      group = [];
    };
    for (const step of steps.sort((a, b) => a.ts - b.ts)) {
      if (group.length && step.ts - group.at(-1)!.ts > STEP_GAP) flush();
      group.push(step);
    }
    flush();
  }
  return out.sort((a, b) => a.ts - b.ts);
}
