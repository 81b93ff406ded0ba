import type { Input } from '../bundle/index.js';
import type { EventKind, RawEvent, ReadContext, Source } from '../model/index.js';
import { asObject, asText, readPayloads, samplePayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

const KIND: Record<string, EventKind> = {
  create: 'alert',
  acknowledge: 'ack',
  addnote: 'note',
  close: 'alert_resolved',
};
const VERB: Record<string, string> = {
  acknowledge: 'Acknowledged',
  close: 'Closed',
  unacknowledge: 'Unacknowledged',
};

const isWebhook = (p: Record<string, unknown> | null) =>
  !!p && typeof p.action === 'string' && !!asObject(p.alert)?.alertId;
// The REST API wraps one alert (GET /v2/alerts/{id}) or a page of them (GET /v2/alerts) in `data`.
const apiAlerts = (p: Record<string, unknown> | null) => {
  const data = p?.data;
  const list = (Array.isArray(data) ? data : [data]).map(asObject);
  return list.length && list.every((a) => a && 'tinyId' in a && 'createdAt' in a)
    ? (list as Record<string, unknown>[])
    : null;
};

function detect(input: Input): boolean {
  const [first] = samplePayloads(input, 1);
  const p = asObject(first);
  return isWebhook(p) || apiAlerts(p) !== null;
}

type Emit = (event: Omit<RawEvent, 'source' | 'service'> & { key: string }) => void;

/** One webhook delivery: the action is the event; its time is updatedAt (ns), Create's is createdAt (ms). */
function fromWebhook(p: Record<string, unknown>, line: number, emit: Emit, ctx: ReadContext) {
  const alert = asObject(p.alert)!;
  const action = String(p.action);
  const key = action.toLowerCase();
  const ts = payloadTime(key === 'create' ? alert.createdAt : (alert.updatedAt ?? alert.createdAt), ctx.time);
  if (ts == null) return ctx.skip(line, `Opsgenie ${action} has no readable createdAt/updatedAt`);
  const message = asText(alert.message) ?? asText(alert.alias) ?? 'alert';
  const kind = KIND[key] ?? 'action';
  const summary =
    key === 'create'
      ? message
      : key === 'addnote'
        ? (asText(alert.note) ?? message)
        : `${VERB[key] ?? action}: ${message}`;
  const attrs = {
    action,
    alertId: alert.alertId,
    tinyId: alert.tinyId,
    alias: alert.alias,
    dedupKey: asText(alert.alias),
    entity: asText(alert.entity),
    tags: alert.tags,
    priority: alert.priority,
    user: asText(alert.username),
    integration: asText(p.integrationName),
  };
  const id = `opsgenie-${alert.alertId}`;
  emit({
    key: key === 'create' ? id : `${id}-${key === 'close' ? 'resolved' : key}`,
    ts,
    kind,
    summary,
    attrs,
  });
}

/** One alert as the REST API returns it: created, and acknowledged or closed after report durations. */
function fromApi(alert: Record<string, unknown>, line: number, emit: Emit, ctx: ReadContext) {
  const created = payloadTime(alert.createdAt, ctx.time);
  if (created == null) return ctx.skip(line, 'Opsgenie alert has no readable createdAt');
  const message = asText(alert.message) ?? 'alert';
  const report = asObject(alert.report) ?? {};
  const attrs = {
    alertId: alert.id,
    tinyId: alert.tinyId,
    alias: alert.alias,
    dedupKey: asText(alert.alias),
    entity: asText(alert.entity),
    tags: alert.tags,
  };
  const id = `opsgenie-${alert.id}`;
  emit({
    key: id,
    ts: created,
    kind: 'alert',
    summary: message,
    signals: ['symptom', 'detect'],
    attrs: { ...attrs, status: alert.status },
  });
  const ackTime = Number(report.ackTime);
  if (ackTime > 0)
    emit({
      key: `${id}-acknowledge`,
      ts: created + ackTime,
      kind: 'ack',
      summary: `Acknowledged: ${message}`,
      signals: ['ack'],
      attrs,
    });
  const closeTime = Number(report.closeTime);
  if (closeTime > 0 && alert.status === 'closed') {
    emit({
      key: `${id}-resolved`,
      ts: created + closeTime,
      kind: 'alert_resolved',
      summary: `Closed: ${message}`,
      signals: ['recovery'],
      attrs,
    });
  }
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const events: RawEvent[] = [];
  const used = new Map<string, number>();
  for (const { value, line } of await readPayloads(input, ctx)) {
    const p = asObject(value);
    const api = apiAlerts(p);
    if (!isWebhook(p) && !api) {
      ctx.skip(line, 'not an Opsgenie webhook payload or API alert');
      continue;
    }
    const emit: Emit = ({ key, ...event }) => {
      const n = (used.get(key) ?? 0) + 1;
      used.set(key, n);
      const ref = n > 1 ? `${key}-${n}` : key;
      events.push({
        ...event,
        ref,
        service: asText(event.attrs?.entity) ?? null,
        source: { file: input.name, line },
      });
    };
    if (api) for (const alert of api) fromApi(alert, line, emit, ctx);
    else fromWebhook(p!, line, emit, ctx);
  }
  yield* events.sort((a, b) => a.ts - b.ts);
}

/** Opsgenie outgoing-webhook deliveries (Create, Acknowledge, AddNote, Close, …) and REST API alerts. */
export const opsgenie: Source = {
  name: 'opsgenie',
  title: 'Opsgenie: outgoing webhook deliveries (one per line or an array) and REST API alerts',
  example:
    'curl -s -H "Authorization: GenieKey $KEY" "https://api.opsgenie.com/v2/alerts/$ID?identifierType=id" > opsgenie.json',
  detect,
  read,
};
