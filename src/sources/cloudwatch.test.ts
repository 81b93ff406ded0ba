import { describe, expect, it } from 'vitest';
import { cloudwatch } from './cloudwatch.js';
import { fixture, openText, readFile, readWith } from './test-kit.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** An alarm's notification as SNS sends it, in the fields AWS documents. */
const notification = (to: string, from: string, at: string, name = 'checkout-5xx') => ({
  AlarmName: name,
  AlarmDescription: '5xx above 1 % for 3 minutes',
  AWSAccountId: '123456789012',
  NewStateValue: to,
  NewStateReason: `Threshold Crossed: moved to ${to}`,
  StateChangeTime: at,
  Region: 'EU (Ireland)',
  AlarmArn: `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${name}`,
  OldStateValue: from,
  Trigger: {
    MetricName: 'HTTPCode_Target_5XX_Count',
    Namespace: 'AWS/ApplicationELB',
    Dimensions: [{ value: 'checkout', name: 'ServiceName' }],
  },
});

describe('cloudwatch', () => {
  it("reads an alarm's history as the CLI prints it: into ALARM an alert, back to OK its resolution", async () => {
    const { events, problems } = await readFile(
      cloudwatch,
      fixture('cloudwatch', 'aws-cli__describe-alarm-history.json'),
    );
    expect(problems).toEqual([]);
    expect(events.map((e) => [iso(e.ts), e.kind, e.signals, e.source.line])).toEqual([
      ['2014-04-09T18:59:05.805Z', 'alert', ['symptom', 'detect'], 11],
      ['2014-04-09T18:59:06.442Z', 'alert_resolved', ['recovery'], 4],
    ]);
    expect(events[0].summary).toBe('CloudWatch alarm myalarm in ALARM: testing purposes');
    expect(events[1].attrs).toMatchObject({ alarm: 'myalarm', state: 'OK', previousState: 'ALARM' });
  });

  it("reads an SNS notification inside a Lambda's event, and the service its dimensions name", async () => {
    const { events, problems } = await readFile(
      cloudwatch,
      fixture('cloudwatch', 'aws-lambda-go__cloudwatch-alarm-sns-payload-single-metric.json'),
    );
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'alert',
      ts: Date.parse('2015-06-03T17:43:27.123Z'),
      attrs: {
        alarm: 'EXAMPLE',
        previousState: 'INSUFFICIENT_DATA',
        metric: 'NetworkOut',
        namespace: 'AWS/EC2',
      },
    });
    expect(events[0].summary).toMatch(
      /^CloudWatch alarm EXAMPLE in ALARM: Threshold Crossed: 1 out of the last 1/,
    );
  });

  it("reads the event an alarm's Lambda action sends", async () => {
    const { events } = await readFile(
      cloudwatch,
      fixture('cloudwatch', 'powertools-lambda-python__cloudWatchAlarmEventSingleMetric.json'),
    );
    expect(events.map((e) => [iso(e.ts), e.kind, e.attrs?.alarm, e.attrs?.previousState])).toEqual([
      ['2024-02-17T11:53:08.431Z', 'alert', 'Test alert', 'OK'],
    ]);
    expect(events[0].attrs).toMatchObject({ namespace: 'AWS/Lambda', metric: 'Invocations' });
  });

  it('reads saved SNS messages, one per line, and the SNS envelope an HTTP subscriber receives', async () => {
    const lines = [
      notification('ALARM', 'OK', '2026-02-10T12:04:10.000+0000'),
      {
        Type: 'Notification',
        Message: JSON.stringify(notification('OK', 'ALARM', '2026-02-10T12:31:40.000+0000')),
      },
      notification('INSUFFICIENT_DATA', 'OK', '2026-02-10T13:00:00.000+0000'),
      notification('OK', 'INSUFFICIENT_DATA', '2026-02-10T13:05:00.000+0000'),
    ];
    const input = await openText(lines.map((l) => JSON.stringify(l)).join('\n'), 'alarms.jsonl');
    expect(cloudwatch.detect(input)).toBe(true);
    const { events, problems } = await readWith(cloudwatch, input);
    expect(problems).toEqual([]);
    expect(events.map((e) => [iso(e.ts), e.kind, e.service, e.source.line])).toEqual([
      ['2026-02-10T12:04:10.000Z', 'alert', 'checkout', 1],
      ['2026-02-10T12:31:40.000Z', 'alert_resolved', 'checkout', 2],
      ['2026-02-10T13:00:00.000Z', 'note', 'checkout', 3],
      ['2026-02-10T13:05:00.000Z', 'note', 'checkout', 4],
    ]);
    expect(events.map((e) => e.summary.split(':')[0])).toEqual([
      'CloudWatch alarm checkout-5xx in ALARM',
      'CloudWatch alarm checkout-5xx back to OK',
      'CloudWatch alarm checkout-5xx has insufficient data',
      'CloudWatch alarm checkout-5xx in OK (from INSUFFICIENT_DATA)',
    ]);
    expect(events[2].signals).toEqual([]);
  });

  it('reads the EventBridge event "CloudWatch Alarm State Change"', async () => {
    const event = {
      version: '0',
      id: 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92',
      'detail-type': 'CloudWatch Alarm State Change',
      source: 'aws.cloudwatch',
      account: '123456789012',
      time: '2026-02-10T12:04:11Z',
      region: 'eu-west-1',
      resources: ['arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-latency'],
      detail: {
        alarmName: 'checkout-latency',
        state: { value: 'ALARM', reason: 'Threshold Crossed', timestamp: '2026-02-10T12:04:10.512+0000' },
        previousState: {
          value: 'OK',
          reason: 'Threshold Crossed',
          timestamp: '2026-02-09T08:00:00.000+0000',
        },
        configuration: {
          metrics: [
            {
              id: 'm1',
              metricStat: {
                metric: {
                  namespace: 'AWS/Lambda',
                  name: 'Duration',
                  dimensions: { FunctionName: 'checkout' },
                },
              },
            },
          ],
        },
      },
    };
    const { events } = await readWith(
      cloudwatch,
      await openText(JSON.stringify(event, null, 2), 'event.json'),
    );
    expect(events).toMatchObject([
      {
        ts: Date.parse('2026-02-10T12:04:10.512Z'),
        kind: 'alert',
        service: 'checkout',
        summary: 'CloudWatch alarm checkout-latency in ALARM: Threshold Crossed',
        attrs: { alarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-latency' },
      },
    ]);
  });

  it("keeps an alarm's actions and reconfigurations as notes, and skips what it cannot read with its line", async () => {
    const history = {
      AlarmHistoryItems: [
        {
          Timestamp: '2026-02-10T12:04:11.000Z',
          HistoryItemType: 'Action',
          AlarmName: 'checkout-5xx',
          HistorySummary: 'Successfully executed action arn:aws:sns:eu-west-1:123456789012:oncall',
        },
        {
          Timestamp: '2026-02-10T12:20:00.000Z',
          HistoryItemType: 'ConfigurationUpdate',
          AlarmName: 'checkout-5xx',
          HistorySummary: 'Alarm "checkout-5xx" updated',
        },
        {
          Timestamp: 'soon',
          HistoryItemType: 'StateUpdate',
          AlarmName: 'checkout-5xx',
          HistorySummary: 'Alarm updated from ALARM to OK',
        },
      ],
    };
    const text = `${JSON.stringify(history, null, 2)}\n{"not": "an alarm"}\n`;
    const { events, problems } = await readWith(cloudwatch, await openText(text, 'history.json'));
    expect(events.map((e) => [e.kind, e.summary])).toEqual([
      [
        'note',
        'CloudWatch alarm checkout-5xx: Successfully executed action arn:aws:sns:eu-west-1:123456789012:oncall',
      ],
      ['note', 'CloudWatch alarm checkout-5xx: Alarm "checkout-5xx" updated'],
    ]);
    expect(problems).toEqual([
      { line: 16, message: 'CloudWatch alarm checkout-5xx has no readable time' },
      {
        line: 23,
        message: 'not a CloudWatch alarm history, SNS alarm notification or EventBridge alarm event',
      },
    ]);
  });
});
