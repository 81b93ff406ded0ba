import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { type AlertEntry, alertEpisodes, groupKeys } from './alert-episodes.js';
import { isSilence, silenceEvent } from './alertmanager-silences.js';
import { asObject, asText, type Payload, readPayloads, samplePayloads } from './json-payloads.js';

type Shape = 'webhook' | 'group' | 'api-alert' | 'silence';

/** Grafana extends the Alertmanager webhook; these keys are Grafana's own. */
export function isGrafanaPayload(payload: Record<string, unknown>): boolean {
  if ('orgId' in payload) return true;
  const alerts = Array.isArray(payload.alerts) ? payload.alerts : [];
  return alerts.some((a) =>
    ['silenceURL', 'valueString', 'dashboardURL', 'panelURL'].some((k) => k in (asObject(a) ?? {})),
  );
}

function shapeOf(value: unknown): Shape | null {
  const p = asObject(value);
  if (!p) return null;
  if (Array.isArray(p.alerts)) {
    if (asObject(p.receiver) && asObject(p.labels)) return 'group';
    const webhook = ['receiver', 'groupKey', 'commonLabels', 'groupLabels'].some((k) => k in p);
    return webhook && !isGrafanaPayload(p) ? 'webhook' : null;
  }
  const api = asObject(p.labels) && 'startsAt' in p && 'fingerprint' in p && asObject(p.status);
  return api ? 'api-alert' : isSilence(p) ? 'silence' : null;
}

// A webhook payload longer than the sample is cut off; its opening keys still say what it is.
const looksLikeLongWebhook = (s: string) =>
  s.trimStart().startsWith('{') && /"alerts"\s*:\s*\[/.test(s) && s.includes('"startsAt"');

function detect(input: Input): boolean {
  const [first] = samplePayloads(input, 1);
  if (first !== undefined) return shapeOf(first) !== null;
  const s = input.sample;
  return (
    looksLikeLongWebhook(s) &&
    /"(receiver|groupKey)"\s*:/.test(s) &&
    !/"(orgId|silenceURL|valueString)"\s*:/.test(s)
  );
}

function entriesOf({ value, line, locate }: Payload, ctx: ReadContext): AlertEntry[] {
  const p = asObject(value) ?? {};
  const shape = shapeOf(p);
  if (shape === 'api-alert') return [{ alert: p, line }];
  if (!shape) {
    ctx.skip(line, 'not an Alertmanager webhook payload, alert group or API v2 alert');
    return [];
  }
  const truncated = Number(p.truncatedAlerts ?? 0);
  if (truncated > 0)
    ctx.skip(line, `Alertmanager left ${truncated} alerts out of this notification (max_alerts)`);
  const receiver = asText(p.receiver) ?? asText(asObject(p.receiver)?.name);
  const groupStatus = asText(p.status);
  return (p.alerts as unknown[]).flatMap((a) => {
    const alert = asObject(a);
    if (!alert) ctx.skip(line, 'an alert in this payload is not an object');
    return alert
      ? [
          {
            alert,
            line: locate('"startsAt"'),
            groupStatus,
            attrs: { ...(receiver ? { receiver } : {}), ...groupKeys(p) },
          },
        ]
      : [];
  });
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const payloads = await readPayloads(input, ctx);
  const silenced = payloads.filter((p) => shapeOf(p.value) === 'silence');
  const entries = payloads.filter((p) => !silenced.includes(p)).flatMap((p) => entriesOf(p, ctx));
  const silences = silenced.map((p) => silenceEvent(asObject(p.value)!, input.name, p.line, ctx));
  const events = [...alertEpisodes(entries, 'am', input.name, ctx), ...silences.filter((e) => e !== null)];
  yield* events.sort((a, b) => a.ts - b.ts);
}

/** Prometheus Alertmanager webhook notifications, API v2 `/alerts`, `/alerts/groups` and `/silences` responses. */
export const alertmanager: Source = {
  name: 'alertmanager',
  aliases: ['prometheus-alertmanager'],
  title:
    'Prometheus Alertmanager: webhook notifications (JSON, array or JSON Lines), API v2 /alerts, /alerts/groups, /silences',
  example:
    'curl -s http://alertmanager:9093/api/v2/alerts > alerts.json   # or save webhook bodies one per line',
  detect,
  read,
};
