// The Azure Activity Log: real samples (test/fixtures/azure-activity, see PROVENANCE.md) and the
// CLI's shape, written where a case needs an operation's steps or a diagnostic export.
import { describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import type { RawEvent } from '../model/index.js';
import { azureActivity } from './azure-activity.js';
import { detectSource } from './detect.js';
import { fixture, openText, readWith, SAMPLES } from './test-kit.js';

const site = '/subscriptions/0000/resourceGroups/prod/providers/Microsoft.Web/sites/checkout';
/** An event as `az monitor activity-log list` prints it. */
const event = (status: string, at: string, fields: Record<string, unknown> = {}) => ({
  authorization: { action: 'Microsoft.Web/sites/write', scope: site },
  caller: 'someone@example.com',
  category: { localizedValue: 'Administrative', value: 'Administrative' },
  correlationId: 'c-1',
  eventDataId: `d-${status}-${at}`,
  eventTimestamp: at,
  level: 'Informational',
  operationName: { localizedValue: 'Create or Update Web App', value: 'Microsoft.Web/sites/write' },
  resourceGroupName: 'prod',
  resourceId: site,
  status: { localizedValue: status, value: status },
  subscriptionId: '0000',
  ...fields,
});

const read = async (text: string) => readWith(azureActivity, await openText(text, 'activity.json'));
const brief = (e: RawEvent) => [new Date(e.ts).toISOString(), e.kind, e.summary, e.service ?? null];

describe('Azure activity log: real samples', () => {
  it.each(SAMPLES['azure-activity'].map((f) => [f.split('/').at(-1) as string, f]))(
    'detects %s and reads it without a problem, naming no caller',
    async (_, path) => {
      const input = await fileInput(path);
      expect(detectSource(input)?.name).toBe('azure-activity');
      const { events, problems } = await readWith(azureActivity, input);
      expect(problems).toEqual([]);
      for (const e of events) {
        expect(Number.isFinite(e.ts)).toBe(true);
        expect(JSON.stringify(e)).not.toMatch(/@[\w-]+\.(?:com|onmicrosoft)/);
      }
    },
  );
});

describe('Azure activity log: real samples read for their meaning', () => {
  const sample = async (name: string) =>
    (await readWith(azureActivity, await fileInput(fixture('azure-activity', name)))).events.map(brief);

  it('reads an alert rule activated as an alert, and one resolved (the API before 2016) as its resolution', async () => {
    expect(await sample('open-telemetry__opentelemetry-collector-contrib__alert.json')).toEqual([
      ['2017-07-21T09:24:13.522Z', 'alert', 'Azure alert activated: examplealert', null],
    ]);
    const resolved = await sample('Azure__azure-powershell__TestGetAzureLogAllParameters-response.json');
    expect(resolved[0]).toEqual([
      expect.any(String),
      'alert_resolved',
      expect.stringMatching(/^Azure alert resolved: 'CpuTime GreaterThan 3/),
      'garyyang1',
    ]);
  });

  it('reads a resource gone unavailable as a symptom', async () => {
    const { events } = await readWith(
      azureActivity,
      await fileInput(
        fixture('azure-activity', 'open-telemetry__opentelemetry-collector-contrib__resourcehealth.json'),
      ),
    );
    expect(events.map((e) => [e.kind, e.signals, e.summary])).toEqual([
      [
        'note',
        ['symptom'],
        'Resource health (CONSTANCA-MANTEIGAS-FRONTDOOR-PROFILE): Unavailable (was Available)',
      ],
    ]);
  });

  it('gives no entry for an operation’s started step or an Advisor recommendation', async () => {
    for (const name of [
      'open-telemetry__opentelemetry-collector-contrib__administrative.json',
      'open-telemetry__opentelemetry-collector-contrib__recommendation.json',
    ]) {
      const input = await fileInput(fixture('azure-activity', name));
      expect(detectSource(input)?.name, name).toBe('azure-activity');
      expect(await readWith(azureActivity, input), name).toMatchObject({ events: [], problems: [] });
    }
  });
});

describe('Azure activity log: what changed, never who', () => {
  it('takes an operation that succeeded for a change, once: its started and accepted steps are not more', async () => {
    const list = [
      event('Started', '2024-03-05T09:58:00Z'),
      event('Accepted', '2024-03-05T09:58:01Z'),
      event('Succeeded', '2024-03-05T09:58:40Z'),
    ];
    const { events, problems } = await read(JSON.stringify(list, null, 2));
    expect(problems).toEqual([]);
    expect(events.map(brief)).toEqual([
      ['2024-03-05T09:58:40.000Z', 'change', 'Microsoft.Web/sites/write checkout', 'checkout'],
    ]);
    expect(events[0].attrs).toEqual({
      operation: 'Microsoft.Web/sites/write',
      resourceType: 'Microsoft.Web/sites',
      resource: 'checkout',
      category: 'Administrative',
      status: 'succeeded',
    });
    expect(JSON.stringify(events)).not.toContain('someone@example.com');
  });

  it('reads a failed operation as a note, and service health and autoscale as notes of their own', async () => {
    const db =
      '/subscriptions/0000/resourceGroups/prod/providers/Microsoft.Sql/servers/orders/databases/main';
    const answer = {
      value: [
        event('Failed', '2024-03-05T10:03:00Z', {
          operationName: {
            value: 'Microsoft.Sql/servers/databases/write',
            localizedValue: 'Update database',
          },
          resourceId: db,
        }),
        event('Active', '2024-03-05T10:05:00Z', {
          category: { value: 'ServiceHealth', localizedValue: 'Service Health' },
          operationName: {
            value: 'Microsoft.ServiceHealth/incident/action',
            localizedValue: 'Health Event Activated',
          },
          resourceId: '/subscriptions/0000',
          properties: { title: 'Azure SQL Database - West Europe - Mitigated' },
        }),
      ],
    };
    const { events } = await read(JSON.stringify(answer));
    expect(events.map(brief)).toEqual([
      ['2024-03-05T10:03:00.000Z', 'note', 'Microsoft.Sql/servers/databases/write main failed', null],
      [
        '2024-03-05T10:05:00.000Z',
        'note',
        'Service Health: Azure SQL Database - West Europe - Mitigated',
        null,
      ],
    ]);
  });

  it('reads a diagnostic setting’s export (`records`, `resultType`, operation names as text)', async () => {
    const records = {
      records: [
        {
          time: '2024-03-05T09:58:40.1234567Z',
          resourceId: site.toUpperCase(),
          operationName: 'MICROSOFT.WEB/SITES/RESTART/ACTION',
          category: 'Administrative',
          resultType: 'Success',
          resultSignature: 'Succeeded.',
          correlationId: 'c-2',
          identity: { claims: { name: 'someone@example.com' } },
          level: 'Information',
        },
      ],
    };
    const { events } = await read(JSON.stringify(records));
    expect(events.map(brief)).toEqual([
      ['2024-03-05T09:58:40.123Z', 'change', 'MICROSOFT.WEB/SITES/RESTART/ACTION CHECKOUT', 'CHECKOUT'],
    ]);
  });

  it('reports an event without a readable time, and a value that is no event', async () => {
    const { problems } = await read(JSON.stringify([event('Succeeded', 'soon'), { hello: 'world' }]));
    expect(problems.map((p) => p.message)).toEqual([
      'Azure activity log event has no readable time',
      'not an Azure activity log event',
    ]);
  });
});
