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
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "3 replicas up, 3 down" from the counts the steps state; steps without their former count are counted as steps. */
function movement(steps: RawEvent[]): string {
  const counted = steps.every((s) => typeof attrsOf(s).replicasBefore === 'number');
  const size = (s: RawEvent) =>
    counted ? Math.abs(Number(attrsOf(s).replicas) - Number(attrsOf(s).replicasBefore)) : 1;
  const up = steps.filter(scaledUp).reduce((n, s) => n + size(s), 0);
  const down = steps.filter((s) => !scaledUp(s)).reduce((n, s) => n + size(s), 0);
  if (!counted)
    return [up ? plural(up, 'scale-up step') : '', down ? plural(down, 'scale-down step') : '']
      .filter(Boolean)
      .join(', ');
  if (!down) return `${plural(up, 'replica')} up`;
  return up ? `${plural(up, 'replica')} up, ${down} down` : `${plural(down, 'replica')} down`;
}

function rollout(steps: RawEvent[], images: Map<string, Attrs>, retired: Set<string>): RawEvent {
  const first = steps[0];
  const lead = steps.find(scaledUp) ?? first;
  const target = attrsOf(lead).replicaSet as string;
  // Scaling a replica set back up after an earlier rollout retired it is a rollback.
  const isRollback = retired.has(target);
  const image = images.get(target) ?? {};
  const object = String(attrsOf(first).object ?? '');
  const hash = String(attrsOf(lead).podTemplateHash ?? target);
  const version = image.version ? ` (${image.version})` : '';
  const { routine, reason, replicas, replicasBefore, ...shared } = attrsOf(first);
  return {
    ...first,
    ref: `${first.ref}-rollout`,
    kind: isRollback ? 'rollback' : 'change',
    summary: `${isRollback ? 'Rollback' : 'Rollout'} of ${object.replace(/^[^/]*\//, '')} to ${hash}${version}: ${movement(steps)}`,
    attrs: {
      ...shared,
      ...image,
      replicaSet: target,
      // Every replica set the rollout scaled: its steps and the pods each made or stopped fold into this entry.
      replicaSets: [...new Set(steps.map((s) => attrsOf(s).replicaSet as string))],
      steps: steps.length,
      lastStep: new Date(steps.at(-1)!.ts).toISOString(),
    },
  };
}

/** A deployment's scaling steps in time order, split where they stand apart by more than STEP_GAP. */
function stepGroups(steps: RawEvent[]): RawEvent[][] {
  const groups: RawEvent[][] = [];
  for (const step of [...steps].sort((a, b) => a.ts - b.ts)) {
    const last = groups.at(-1);
    if (last && step.ts - last.at(-1)!.ts <= STEP_GAP) last.push(step);
    else groups.push([step]);
  }
  return groups;
}

/**
 * Steps that only scale down the replica sets the rollout before them moved away from (the old
 * pods retired a quarter of an hour after a slow rollback began) finish that rollout: they are its
 * last steps, not a rollout of their own to the replica set they retire. Scaling down the replica
 * set the last rollout brought up (`kubectl scale --replicas=0`) is a change of its own.
 */
function finishedRollouts(groups: RawEvent[][]): RawEvent[][] {
  const out: RawEvent[][] = [];
  for (const group of groups) {
    const before = out.at(-1);
    const target = before && (before.find(scaledUp) ?? before[0]);
    const retiresOld =
      target &&
      !group.some(scaledUp) &&
      group.every((s) => attrsOf(s).replicaSet !== attrsOf(target).replicaSet);
    if (before && retiresOld) before.push(...group);
    else out.push(group);
  }
  return out;
}

/**
 * One rollout is one change: the scaling steps of a deployment within minutes of each other
 * become a single entry carrying the new replica set's image, summarised by how many replicas
 * went up and down; a rollout that scales a retired replica set back up is a rollback, and its
 * late steps retiring the old replica sets are its own (finishedRollouts). The steps
 * stay as routine records, for the timeline to fold into that entry; other events pass through.
 */
export function groupRollouts(events: RawEvent[]): RawEvent[] {
  const images = imagesByReplicaSet(events);
  const out: RawEvent[] = events.map((e) => (isScaling(e) ? { ...e, kind: 'log' as const } : e));
  const byDeployment = new Map<string, RawEvent[]>();
  for (const e of events.filter(isScaling)) {
    const key = String(attrsOf(e).object);
    byDeployment.set(key, [...(byDeployment.get(key) ?? []), e]);
  }
  for (const steps of byDeployment.values()) {
    const retired = new Set<string>();
    for (const group of finishedRollouts(stepGroups(steps))) {
      out.push(rollout(group, images, retired));
      for (const s of group)
        if (!scaledUp(s) && attrsOf(s).replicas === 0) retired.add(attrsOf(s).replicaSet as string);
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}
