// PagerDuty incidents as the REST API lists them (GET /incidents): the course of each incident
// summarised on the incident itself, for exports without log entries.
import type { RawEvent, ReadContext } from '../model/index.js';
import { asObject, asText } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

// Alertmanager's PagerDuty integration titles incidents "[FIRING:n] <alertname> …".
const ALERTNAME = /\[(?:FIRING|RESOLVED)(?::\d+)?\]\s+([^\s]+)/;

/** Attributes every PagerDuty event carries: the incident and its correlation keys. */
export function attrsOf(incident: Obj, service: Obj, extra: Obj): Obj {
  const title = asText(incident.title) ?? asText(incident.summary);
  const alertname = title?.match(ALERTNAME)?.[1];
  return {
    incidentId: asText(incident.id),
    incidentNumber: incident.number ?? incident.incident_number,
    incidentKey: asText(incident.incident_key),
    // Alertmanager and Grafana send sha256(groupKey) as the incident key: the key to their alerts.
    dedupKey: asText(incident.incident_key),
    title,
    ...(alertname ? { alertname } : {}),
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v != null && v !== '')),
    ...(asText(service.summary) ? { serviceName: asText(service.summary) } : {}),
  };
}

const isIncident = (p: Obj | null) =>
  !!p && p.type === 'incident' && 'incident_number' in p && 'created_at' in p;

/** Incidents in a payload: `{incidents}` (a list page), `{incident}`, or one bare incident. */
export function incidentsOf(p: Obj | null): Obj[] | null {
  if (!p) return null;
  if (isIncident(p)) return [p];
  if (isIncident(asObject(p.incident))) return [asObject(p.incident)!];
  const list = Array.isArray(p.incidents) ? p.incidents.map(asObject) : [];
  return list.length && list.every(isIncident) ? (list as Obj[]) : null;
}

/** Triggered at created_at, each acknowledgement, and resolved at resolved_at (or the last status change). */
export function fromIncident(incident: Obj, file: string, line: number, ctx: ReadContext): RawEvent[] {
  const service = asObject(incident.service) ?? {};
  const title = asText(incident.title) ?? '';
  const id = asText(incident.id);
  const base = { service: asText(service.summary) ?? null, source: { file, line } };
  const created = payloadTime(incident.created_at, ctx.time);
  if (created == null) {
    ctx.skip(line, `PagerDuty incident ${id} has no readable created_at`);
    return [];
  }
  const attrs = attrsOf(incident, service, {
    status: asText(incident.status),
    urgency: asText(incident.urgency),
  });
  const events: RawEvent[] = [
    {
      ...base,
      ts: created,
      kind: 'page',
      ref: `pd-${id}`,
      summary: `Triggered: ${title}`,
      signals: ['symptom', 'detect'],
      attrs,
    },
  ];
  const acks = Array.isArray(incident.acknowledgements) ? incident.acknowledgements.map(asObject) : [];
  acks.forEach((ack, i) => {
    const ts = payloadTime(ack?.at, ctx.time);
    const user = asText(asObject(ack?.acknowledger)?.summary);
    const ref = `pd-${id}-ack${i ? `-${i + 1}` : ''}`;
    if (ts != null)
      events.push({
        ...base,
        ts,
        kind: 'ack',
        ref,
        summary: `Acknowledged: ${title}`,
        signals: ['ack'],
        attrs: { ...attrs, user },
      });
  });
  const resolved =
    incident.status === 'resolved'
      ? payloadTime(incident.resolved_at ?? incident.last_status_change_at, ctx.time)
      : null;
  if (resolved != null) {
    events.push({
      ...base,
      ts: resolved,
      kind: 'alert_resolved',
      ref: `pd-${id}-resolved`,
      summary: `Resolved: ${title}`,
      signals: ['recovery'],
      attrs,
    });
  }
  return events;
}
