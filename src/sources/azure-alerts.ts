import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { asObject, asText, readPayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

/**
 * Azure Monitor alerts as their action groups post them, in the common alert schema
 * (`{"schemaId":"azureMonitorCommonAlertSchema","data":{"essentials":…,"alertContext":…}}`): metric,
 * log, activity log and service health alerts alike. A fired alert is an alert at `firedDateTime`;
 * a resolved one is the alert's resolution at `resolvedDateTime`, and tells when it fired too. The
 * service is the first configuration item (the resource the alert watches).
 */

const essentialsOf = (value: unknown): Obj | null => {
  const o = asObject(value);
  if (o?.schemaId !== 'azureMonitorCommonAlertSchema') return null;
  return asObject(asObject(o.data)?.essentials);
};

function eventsOf(e: Obj, line: number, file: string, ctx: ReadContext): RawEvent[] {
  const rule = asText(e.alertRule) ?? 'unnamed rule';
  const severity = asText(e.severity);
  const items = Array.isArray(e.configurationItems) ? e.configurationItems.map(asText).filter(Boolean) : [];
  const service = (items[0] as string | undefined) ?? null;
  const on = service ? ` on ${service}` : '';
  const what = `Azure Monitor alert ${rule}${severity ? ` (${severity})` : ''}`;
  const attrs = {
    alertRule: rule,
    ...(severity ? { severity } : {}),
    ...(asText(e.signalType) ? { signalType: asText(e.signalType) } : {}),
    ...(asText(e.monitoringService) ? { monitoringService: asText(e.monitoringService) } : {}),
    ...(asText(e.description) ? { description: asText(e.description) } : {}),
  };
  const source = { file, line };
  const ref = `azure-alert-${asText(e.alertId)?.split('/').at(-1) ?? rule}`;
  const fired = payloadTime(e.firedDateTime, ctx.time);
  const resolved = payloadTime(e.resolvedDateTime, ctx.time);
  const condition = (asText(e.monitorCondition) ?? '').toLowerCase();
  const out: RawEvent[] = [];
  if (fired != null)
    out.push({
      ts: fired,
      kind: 'alert',
      signals: ['symptom', 'detect'],
      service,
      ref,
      summary: `${what} fired${on}`,
      attrs,
      source,
    });
  if (condition === 'resolved' && resolved != null)
    out.push({
      ts: resolved,
      kind: 'alert_resolved',
      signals: ['recovery'],
      service,
      ref: `${ref}-resolved`,
      summary: `${what} resolved${on}`,
      attrs,
      source,
    });
  if (!out.length) ctx.skip(line, `Azure Monitor alert ${rule} has no readable fired or resolved time`);
  return out;
}

function detect(input: Input): boolean {
  return !input.isDirectory && /"schemaId"\s*:\s*"azureMonitorCommonAlertSchema"/.test(input.sample);
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  for (const payload of await readPayloads(input, ctx)) {
    const essentials = essentialsOf(payload.value);
    if (!essentials) {
      ctx.skip(payload.line, 'not an Azure Monitor alert in the common alert schema');
      continue;
    }
    yield* eventsOf(essentials, payload.line, input.name, ctx);
  }
}

export const azureAlerts: Source = {
  name: 'azure-alerts',
  aliases: ['azure-monitor', 'azure-monitor-alerts'],
  title:
    'Azure Monitor alerts in the common alert schema (action group webhooks): fired alerts and their resolutions',
  example: 'Save each alert the action group posted (one JSON a line) to alerts/azure-monitor.jsonl',
  detect,
  read,
};
