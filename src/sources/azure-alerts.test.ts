// Azure Monitor alerts in the common alert schema: real samples (test/fixtures/azure-alerts, see
// PROVENANCE.md), and a fired and resolved pair written to the documented schema.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInput, openBundle } from '../bundle/index.js';
import type { RawEvent } from '../model/index.js';
import { buildTimeline } from '../timeline/build.js';
import { azureAlerts } from './azure-alerts.js';
import { detectSource } from './detect.js';
import { fixture, openText, readWith, SAMPLES } from './test-kit.js';

const alert = (monitorCondition: string, resolvedDateTime?: string) => ({
  schemaId: 'azureMonitorCommonAlertSchema',
  data: {
    essentials: {
      alertId: '/subscriptions/0000/providers/Microsoft.AlertsManagement/alerts/b9569717',
      alertRule: 'checkout-5xx',
      severity: 'Sev2',
      signalType: 'Metric',
      monitorCondition,
      monitoringService: 'Platform',
      alertTargetIDs: ['/subscriptions/0000/resourcegroups/prod/providers/microsoft.web/sites/checkout'],
      configurationItems: ['checkout'],
      originAlertId: '0000_prod_microsoft.insights_metricAlerts_checkout-5xx_1',
      firedDateTime: '2024-03-05T10:02:10.1234567Z',
      ...(resolvedDateTime ? { resolvedDateTime } : {}),
      description: '5xx above 5 %',
      essentialsVersion: '1.0',
      alertContextVersion: '1.0',
    },
    alertContext: {},
  },
});
const brief = (e: RawEvent) => [new Date(e.ts).toISOString(), e.kind, e.summary, e.service ?? null];

describe('Azure Monitor alerts: real samples', () => {
  it.each(SAMPLES['azure-alerts'].map((f) => [f.split('/').at(-1) as string, f]))(
    'detects %s and reads a fired alert from it',
    async (_, path) => {
      const input = await fileInput(path);
      expect(detectSource(input)?.name).toBe('azure-alerts');
      const { events, problems } = await readWith(azureAlerts, input);
      expect(problems).toEqual([]);
      expect(events.filter((e) => e.kind === 'alert')).toHaveLength(1);
    },
  );
});

describe('Azure Monitor alerts: a real fired and resolved pair', () => {
  it('reads Zulip’s metric alert fired and resolved as one alert and one resolution', async () => {
    const { events } = await buildTimeline(
      await openBundle([
        fixture('azure-alerts', 'zulip__zulip__metric-alert-fired.json'),
        fixture('azure-alerts', 'zulip__zulip__metric-alert-resolved.json'),
      ]),
    );
    expect(events.map((e) => [new Date(e.ts).toISOString(), e.kind, e.service])).toEqual([
      ['2021-11-15T09:35:24.347Z', 'alert', 'test-storageAccount'],
      ['2021-11-15T10:00:00.000Z', 'alert_resolved', 'test-storageAccount'],
    ]);
  });
});

describe('Azure Monitor alerts: fired and resolved', () => {
  it('reads a fired alert as the detection of a symptom on the resource it watches', async () => {
    const { events } = await readWith(
      azureAlerts,
      await openText(JSON.stringify(alert('Fired')), 'alert.json'),
    );
    expect(events.map(brief)).toEqual([
      [
        '2024-03-05T10:02:10.123Z',
        'alert',
        'Azure Monitor alert checkout-5xx (Sev2) fired on checkout',
        'checkout',
      ],
    ]);
    expect(events[0].signals).toEqual(['symptom', 'detect']);
  });

  it('reads a resolved alert as its resolution, and one alert posted fired then resolved as one alert and one resolution', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-'));
    writeFileSync(
      join(dir, 'azure-monitor.jsonl'),
      `${JSON.stringify(alert('Fired'))}\n${JSON.stringify(alert('Resolved', '2024-03-05T10:31:00Z'))}\n`,
    );
    const { events } = await buildTimeline(await openBundle([dir]));
    expect(events.map((e) => [new Date(e.ts).toISOString(), e.kind, e.signals])).toEqual([
      ['2024-03-05T10:02:10.123Z', 'alert', expect.arrayContaining(['symptom', 'detect'])],
      ['2024-03-05T10:31:00.000Z', 'alert_resolved', ['recovery']],
    ]);
  });

  it('reports an alert with no readable time, and a value in another schema', async () => {
    const broken = alert('Fired');
    broken.data.essentials.firedDateTime = 'soon';
    const { problems } = await readWith(
      azureAlerts,
      await openText(
        `${JSON.stringify(broken)}\n{"schemaId":"Microsoft.Insights/activityLogs"}\n`,
        'a.jsonl',
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Azure Monitor alert checkout-5xx has no readable fired or resolved time',
      'not an Azure Monitor alert in the common alert schema',
    ]);
  });
});
