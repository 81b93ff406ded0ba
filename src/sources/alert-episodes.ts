// Alertmanager and Grafana send the same alert objects, re-sent on every group interval: both
// turn them into one event per firing episode and one per resolution through this module.
import { createHash } from 'node:crypto';
import type { RawEvent, ReadContext } from '../model/index.js';
import { asObject, asText } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

/** One alert object as a notification or the API carries it. */
export interface AlertEntry {
  alert: Record<string, unknown>;
  /** The notification's own status, for old payloads whose alerts carry none. */
  groupStatus?: string;
  line: number | null;
  /** Extra attributes (receiver, Grafana values) to keep on the events. */
  attrs?: Record<string, unknown>;
}

/**
 * Correlation keys of a notification group: Alertmanager (and Grafana) send sha256(groupKey) as
 * PagerDuty's dedup_key and as Opsgenie's alias, so the same incident can be found there.
 */
export function groupKeys(payload: Record<string, unknown>): Record<string, string> {
  const groupKey = typeof payload.groupKey === 'string' && payload.groupKey ? payload.groupKey : undefined;
  return groupKey ? { groupKey, dedupKey: createHash('sha256').update(groupKey).digest('hex') } : {};
}

const SERVICE_LABELS = ['service', 'app', 'app_kubernetes_io_name', 'job', 'container', 'namespace'];
const TARGET_LABELS = ['instance', 'host', 'pod', 'node'];

const labelsOf = (alert: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(asObject(alert.labels) ?? {}).map(([k, v]) => [k, String(v)]));

/** Alertmanager's fingerprint, or a stable stand-in from the labels when the payload has none. */
function fingerprintOf(alert: Record<string, unknown>, labels: Record<string, string>): string {
  const given = asText(alert.fingerprint);
  if (given) return given;
  const canonical = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** `firing`, `resolved`, or null; API v2 alerts carry `status.state` (active, suppressed) and are firing. */
function stateOf(entry: AlertEntry): { state: 'firing' | 'resolved' | null; detail?: string } {
  const status = entry.alert.status;
  const nested = asText(asObject(status)?.state);
  if (nested) return { state: nested === 'resolved' ? 'resolved' : 'firing', detail: nested };
  const text = (asText(status) ?? entry.groupStatus ?? '').toLowerCase();
  return { state: text === 'firing' || text === 'resolved' ? text : null };
}

/** `High CPU on host1: CPU is hot`, with `resolved` after the name for the end of an episode. */
function describe(alertname: string, labels: Record<string, string>, annotations: Record<string, unknown>) {
  const target = TARGET_LABELS.map((k) => labels[k]).find(Boolean);
  const text = ['summary', 'description', 'message', 'title']
    .map((k) => asText(annotations[k]))
    .find(Boolean);
  const head = target ? `${alertname} on ${target}` : alertname;
  return (resolved: boolean) => `${head}${resolved ? ' resolved' : ''}${text ? `: ${text}` : ''}`;
}

interface Facts {
  alertname: string;
  startsAt: number;
  state: 'firing' | 'resolved';
  fingerprint: string;
  service: string | null;
  summary: (resolved: boolean) => string;
  attrs: Record<string, unknown>;
}

/** What one alert object says, or null (and a skip) when it cannot be placed in time. */
function factsOf(entry: AlertEntry, ctx: ReadContext): Facts | null {
  const { alert, line } = entry;
  const labels = labelsOf(alert);
  const alertname = labels.alertname ?? 'unnamed alert';
  const startsAt = payloadTime(alert.startsAt, ctx.time);
  if (startsAt == null) {
    ctx.skip(line, `alert ${alertname} has no readable startsAt`);
    return null;
  }
  const { state, detail } = stateOf(entry);
  if (!state) {
    ctx.skip(line, `alert ${alertname} has no status (firing or resolved)`);
    return null;
  }
  const fingerprint = fingerprintOf(alert, labels);
  const annotations = asObject(alert.annotations) ?? {};
  const attrs = {
    alertname,
    fingerprint,
    severity: labels.severity,
    labels,
    annotations,
    startsAt: alert.startsAt,
    ...(detail ? { state: detail } : {}),
    ...(asText(alert.generatorURL) ? { generatorURL: alert.generatorURL } : {}),
    ...entry.attrs,
  };
  const service = SERVICE_LABELS.map((k) => labels[k]).find(Boolean) ?? null;
  return {
    alertname,
    startsAt,
    state,
    fingerprint,
    service,
    summary: describe(alertname, labels, annotations),
    attrs,
  };
}

/** The events one alert object stands for: its firing episode, and its end when resolved. */
function eventsOf(entry: AlertEntry, facts: Facts, ref: string, file: string, ctx: ReadContext): RawEvent[] {
  const base = { service: facts.service, source: { file, line: entry.line } };
  const attrs = { ...facts.attrs, notifications: 1 };
  const firing: RawEvent = {
    ...base,
    ts: facts.startsAt,
    kind: 'alert',
    ref,
    summary: facts.summary(false),
    signals: ['symptom', 'detect'],
    attrs: { ...attrs, status: 'firing' },
  };
  if (facts.state !== 'resolved') return [firing];
  const endsAt = payloadTime(entry.alert.endsAt, ctx.time);
  if (endsAt == null) {
    ctx.skip(
      entry.line,
      `alert ${facts.alertname} is resolved but has no endsAt: its resolution time is unknown`,
    );
    return [firing];
  }
  const resolved = { ...attrs, status: 'resolved', endsAt: entry.alert.endsAt };
  const end: RawEvent = {
    ...base,
    ts: endsAt,
    kind: 'alert_resolved',
    ref: `${ref}-resolved`,
    summary: facts.summary(true),
    signals: ['recovery'],
    attrs: resolved,
  };
  return [firing, end];
}

/**
 * One event per firing episode (alert, at startsAt) and per resolution (alert_resolved, at
 * endsAt), repeated notifications counted in attrs.notifications. Refs: `<prefix>-<fingerprint>`,
 * `-2` for a later episode of the same alert, `-resolved` for its end.
 */
export function alertEpisodes(
  entries: AlertEntry[],
  prefix: string,
  file: string,
  ctx: ReadContext,
): RawEvent[] {
  const byRef = new Map<string, RawEvent>();
  const episodes = new Map<string, number[]>();
  for (const entry of entries) {
    const facts = factsOf(entry, ctx);
    if (!facts) continue;
    const starts = episodes.get(facts.fingerprint) ?? [];
    if (!starts.includes(facts.startsAt)) starts.push(facts.startsAt);
    episodes.set(facts.fingerprint, starts);
    const n = starts.indexOf(facts.startsAt) + 1;
    const ref = `${prefix}-${facts.fingerprint}${n > 1 ? `-${n}` : ''}`;
    for (const event of eventsOf(entry, facts, ref, file, ctx)) {
      const seen = byRef.get(event.ref!);
      if (seen) seen.attrs!.notifications = Number(seen.attrs!.notifications) + 1;
      else byRef.set(event.ref!, event);
    }
  }
  return [...byRef.values()].sort((a, b) => a.ts - b.ts);
}
