import type { Input } from '../bundle/index.js';
import type { EventKind, RawEvent, ReadContext, Source } from '../model/index.js';
import { asObject, asText, type Payload, readPayloads, samplePayloads } from './json-payloads.js';
import { groupRollouts } from './kubernetes-rollout-groups.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

/** Normal events that change what runs: rollouts and scaling. Other Normal events are kept as info logs. */
const CHANGE_REASONS = new Set([
  'ScalingReplicaSet',
  'SuccessfulRescale',
  'RolloutUpdated',
  'RolloutStepCompleted',
]);
/**
 * Normal events of a workload's ordinary life: a pod placed, its image pulled, its container made,
 * started or stopped, a replica set making or removing a pod. The timeline folds them into the
 * rollout or event they belong to; the same reasons filed as Warning stay entries of their own.
 */
const ROUTINE_REASONS = new Set([
  'Scheduled',
  'Pulling',
  'Pulled',
  'Created',
  'Started',
  'Killing',
  'SuccessfulCreate',
  'SuccessfulDelete',
  'SuccessfulAttachVolume',
  // Each step of a rollout; the rollout itself is one change entry (kubernetes-rollout-groups).
  'ScalingReplicaSet',
]);
const ROLLBACK_REASONS = new Set(['DeploymentRollback', 'RolloutAborted']);
/** Reasons that are symptoms even when the reporter files them as Normal (node lifecycle). */
const SYMPTOM_REASONS = new Set([
  'NodeNotReady',
  'Evicted',
  'OOMKilling',
  'SystemOOM',
  'Rebooted',
  'NodeHasDiskPressure',
]);

const isEvent = (p: Obj | null) =>
  !!p && p.kind === 'Event' && (!!asObject(p.involvedObject) || !!asObject(p.regarding));
const itemsOf = (p: Obj | null) => (p && Array.isArray(p.items) ? p.items.map(asObject) : null);

function detect(input: Input): boolean {
  const [first] = samplePayloads(input, 1);
  const p = asObject(first);
  if (p) return isEvent(p) || (itemsOf(p)?.length ? itemsOf(p)!.every(isEvent) : false);
  // kubectl sorts keys, so a long List shows "items" first and its "kind" only at the end.
  const s = input.sample;
  return (
    /^\s*\{\s*"apiVersion"\s*:\s*"v1"\s*,\s*"items"\s*:\s*\[/.test(s) &&
    /"(involvedObject|regarding)"\s*:/.test(s) &&
    /"kind"\s*:\s*"Event"/.test(s)
  );
}

/** The workload a pod or replica set belongs to, from the names its controller gives them. */
function workloadOf(kind: string, name: string): string {
  if (kind === 'Pod') return name.replace(/-[a-z0-9]{6,10}-[a-z0-9]{5}$/, '').replace(/-[a-z0-9]{5}$/, '');
  if (kind === 'ReplicaSet') return name.replace(/-[a-z0-9]{6,10}$/, '');
  return name;
}

function kindOf(type: string, reason: string): EventKind {
  if (SYMPTOM_REASONS.has(reason) || type === 'Warning') return 'health';
  if (ROLLBACK_REASONS.has(reason)) return 'rollback';
  return CHANGE_REASONS.has(reason) ? 'change' : 'log';
}

/** The replica set a pod or replica set event belongs to, from the name its controller gives a pod. */
function replicaSetOf(kind: string, name: string): Obj {
  if (kind === 'ReplicaSet') return { replicaSet: name };
  const rs = kind === 'Pod' ? name.match(/^(.+-[a-z0-9]{6,10})-[a-z0-9]{5}$/)?.[1] : undefined;
  return rs ? { replicaSet: rs } : {};
}

/** Correlation keys a message carries: the image pulled, the replica set scaled. */
function messageFacts(message: string): Obj {
  const facts: Obj = {};
  const image = message.match(/image "([^"]+)"/)?.[1];
  if (image) {
    facts.image = image;
    const tag = image.match(/:([\w.-]+)$/)?.[1];
    if (tag && tag !== 'latest') facts.version = tag;
  }
  // "to 2 from 1" since Kubernetes 1.27, "from 1 to 2" before.
  const scaled = message.match(
    /Scaled (up|down) replica set (\S+?)-([a-z0-9]{6,10}) (?:from (\d+) )?to (\d+)(?: from (\d+))?/,
  );
  if (scaled) {
    const from = scaled[4] ?? scaled[6];
    Object.assign(facts, {
      replicaSet: `${scaled[2]}-${scaled[3]}`,
      podTemplateHash: scaled[3],
      replicas: Number(scaled[5]),
      ...(from !== undefined ? { replicasBefore: Number(from) } : {}),
    });
  }
  return facts;
}

/** First seen, last seen and how often: core v1 and events.k8s.io/v1 keep them in different fields. */
function occurrences(e: Obj, ctx: ReadContext) {
  const meta = asObject(e.metadata) ?? {};
  const series = asObject(e.series) ?? {};
  const first = [
    e.eventTime,
    e.firstTimestamp,
    e.deprecatedFirstTimestamp,
    meta.creationTimestamp,
    e.lastTimestamp,
  ];
  const ts = first.map((t) => payloadTime(t, ctx.time)).find((t) => t != null) ?? null;
  const count = Number(e.count ?? series.count ?? e.deprecatedCount ?? 1) || 1;
  const lastSeen =
    asText(e.lastTimestamp) ?? asText(series.lastObservedTime) ?? asText(e.deprecatedLastTimestamp);
  return { ts, count, ...(lastSeen ? { lastSeen } : {}) };
}

function fromEvent(e: Obj, file: string, line: number, ctx: ReadContext): RawEvent | null {
  const meta = asObject(e.metadata) ?? {};
  const obj = asObject(e.involvedObject) ?? asObject(e.regarding) ?? {};
  const reason = asText(e.reason) ?? 'Event';
  const what = `${asText(obj.kind) ?? 'Object'}/${asText(obj.name) ?? '?'}`;
  const { ts, ...seen } = occurrences(e, ctx);
  if (ts == null) {
    ctx.skip(line, `Kubernetes event ${reason} on ${what} has no timestamp`);
    return null;
  }
  const type = asText(e.type) ?? 'Normal';
  const message = (asText(e.message) ?? asText(e.note) ?? '').replace(/\s+/g, ' ');
  const source = asObject(e.source) ?? {};
  const attrs: Obj = {
    reason,
    type,
    ...seen,
    object: what,
    namespace: asText(obj.namespace) ?? asText(meta.namespace),
    level: type === 'Warning' ? 'warning' : 'info',
    reporter: asText(source.component) ?? asText(e.reportingController),
    ...(asText(source.host) ? { node: asText(source.host) } : {}),
    ...replicaSetOf(asText(obj.kind) ?? '', asText(obj.name) ?? ''),
    ...messageFacts(message),
    ...(type === 'Normal' && ROUTINE_REASONS.has(reason) ? { routine: true } : {}),
  };
  const name = asText(obj.name);
  const times = seen.count > 1 ? ` (${seen.count} times)` : '';
  return {
    ts,
    kind: kindOf(type, reason),
    service: name && obj.kind !== 'Node' ? workloadOf(String(obj.kind), name) : null,
    ref: `k8s-${asText(meta.uid) ?? asText(meta.name) ?? `${what}-${reason}-${ts}`}`,
    summary: `${what} ${reason}${message ? `: ${message}` : ''}${times}`,
    attrs,
    source: { file, line },
  };
}

function eventsOf({ value, line, locate }: Payload, file: string, ctx: ReadContext): RawEvent[] {
  const p = asObject(value);
  const items = isEvent(p) ? [p!] : itemsOf(p);
  if (!items) {
    ctx.skip(line, 'not a Kubernetes Event or event list');
    return [];
  }
  return items.flatMap((item, i) => {
    if (!isEvent(item)) {
      ctx.skip(line, `item ${i} of the list is not a Kubernetes Event`);
      return [];
    }
    const uid = asText(asObject(item!.metadata)?.uid);
    const event = fromEvent(item!, file, uid ? locate(`"${uid}"`) : line, ctx);
    return event ? [event] : [];
  });
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const events = (await readPayloads(input, ctx)).flatMap((p) => eventsOf(p, input.name, ctx));
  yield* groupRollouts(events.sort((a, b) => a.ts - b.ts));
}

/** Kubernetes events (core v1 and events.k8s.io/v1): lists from kubectl and single objects. */
export const kubernetesEvents: Source = {
  name: 'kubernetes-events',
  aliases: ['kubernetes', 'k8s-events'],
  title:
    'Kubernetes events: `kubectl get events -o json` (v1 and events.k8s.io/v1), single Event objects, JSON Lines',
  example: 'kubectl get events -A -o json > k8s-events.json',
  detect,
  read,
};
