// AWS CloudTrail: real samples (test/fixtures/cloudtrail, see PROVENANCE.md) and the shapes a
// team keeps it in, records written to AWS's documented form where the test needs a case.
import { describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import type { RawEvent } from '../model/index.js';
import { cloudtrail } from './cloudtrail.js';
import { detectSource } from './detect.js';
import { fixture, openText, readWith, SAMPLES } from './test-kit.js';

/** A CloudTrail record as a log file holds it. */
const record = (fields: Record<string, unknown>) => ({
  eventVersion: '1.08',
  userIdentity: {
    type: 'AssumedRole',
    principalId: 'AROAEXAMPLE:deployer',
    arn: 'arn:aws:sts::123456789012:assumed-role/ci-deploy/deployer',
    sessionContext: { sessionIssuer: { type: 'Role', userName: 'ci-deploy' } },
  },
  eventTime: '2024-03-05T09:58:00Z',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '203.0.113.7',
  userAgent: 'aws-cli/2.15.0',
  readOnly: false,
  eventType: 'AwsApiCall',
  recipientAccountId: '123456789012',
  ...fields,
});

const updateService = record({
  eventID: 'e-1',
  eventSource: 'ecs.amazonaws.com',
  eventName: 'UpdateService',
  requestParameters: { cluster: 'prod', service: 'checkout', taskDefinition: 'checkout:42' },
});
const describe_ = record({
  eventID: 'e-2',
  eventSource: 'ecs.amazonaws.com',
  eventName: 'DescribeServices',
  readOnly: true,
  requestParameters: { cluster: 'prod', services: ['checkout'] },
});
const denied = record({
  eventID: 'e-3',
  eventSource: 'rds.amazonaws.com',
  eventName: 'ModifyDBInstance',
  eventTime: '2024-03-05T10:03:00Z',
  errorCode: 'AccessDenied',
  errorMessage: 'User is not authorized to perform rds:ModifyDBInstance',
  requestParameters: { dBInstanceIdentifier: 'orders-db', allocatedStorage: 200 },
});
const byAutoScaling = record({
  eventID: 'e-4',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'RunInstances',
  userIdentity: {
    type: 'AssumedRole',
    sessionContext: { sessionIssuer: { type: 'Role', userName: 'AWSServiceRoleForAutoScaling' } },
  },
  invokedBy: 'autoscaling.amazonaws.com',
  requestParameters: { instanceType: 'm5.large' },
});

const read = async (text: string, name = 'cloudtrail.json') =>
  readWith(cloudtrail, await openText(text, name));
const brief = (e: RawEvent) => [new Date(e.ts).toISOString(), e.kind, e.summary, e.service ?? null];

describe('CloudTrail: real samples', () => {
  it.each(SAMPLES.cloudtrail.map((f) => [f.split('/').at(-1) as string, f]))(
    'detects %s and reads it without a problem',
    async (_, path) => {
      const input = await fileInput(path);
      expect(detectSource(input)?.name).toBe('cloudtrail');
      const { events, problems } = await readWith(cloudtrail, input);
      expect(problems).toEqual([]);
      for (const e of events) {
        expect(Number.isFinite(e.ts)).toBe(true);
        // Who made a call never reaches an entry.
        expect(JSON.stringify(e)).not.toMatch(/arn:aws:(?:iam|sts)::\d+:(?:user|assumed-role)/);
      }
    },
  );
});

describe('CloudTrail: what changed, never who', () => {
  it('reads OpenTelemetry’s real CloudTrail log file: management writes are changes; a data event, a service event, an Insights record and a sign-in give nothing', async () => {
    const { events } = await readWith(
      cloudtrail,
      await fileInput(
        fixture('cloudtrail', 'open-telemetry__opentelemetry-collector-contrib__cloudtrail-log.json'),
      ),
    );
    expect(events.map(brief)).toEqual([
      ['2023-07-19T21:17:28.000Z', 'change', 'StartInstances', null],
      ['2023-07-19T21:25:09.000Z', 'change', 'CreateUser Richard', null],
      ['2023-07-19T21:35:03.000Z', 'note', 'UpdateTrail myTrail2 failed (TrailNotFoundException)', null],
    ]);
  });

  it('gives no entry for aws-cli’s lookup-events example, a console sign-in', async () => {
    const input = await fileInput(fixture('cloudtrail', 'aws__aws-cli__lookup-events-consolelogin.json'));
    expect(detectSource(input)?.name).toBe('cloudtrail');
    expect(await readWith(cloudtrail, input)).toMatchObject({ events: [], problems: [] });
  });

  it('reads a log file from S3: a write is a change named by what it acts on, a read gives nothing, a failed write a note', async () => {
    const { events, problems } = await read(
      JSON.stringify({ Records: [updateService, describe_, denied] }, null, 2),
    );
    expect(problems).toEqual([]);
    expect(events.map(brief)).toEqual([
      ['2024-03-05T09:58:00.000Z', 'change', 'UpdateService checkout', 'checkout'],
      ['2024-03-05T10:03:00.000Z', 'note', 'ModifyDBInstance orders-db failed (AccessDenied)', null],
    ]);
    expect(events[0].attrs).toEqual({
      api: 'ecs',
      call: 'UpdateService',
      target: 'checkout',
      region: 'eu-west-1',
    });
    expect(JSON.stringify(events)).not.toContain('deployer');
    // Each entry cites its record's line: the line of its eventID.
    expect(events[0].source.line).toBeGreaterThan(1);
  });

  it('gives no entry for what AWS does for itself (Auto Scaling launching an instance)', async () => {
    expect((await read(JSON.stringify({ Records: [byAutoScaling] }))).events).toEqual([]);
  });

  it('reads `aws cloudtrail lookup-events` (each record a JSON string) and EventBridge’s "AWS API Call via CloudTrail"', async () => {
    const lookup = {
      Events: [
        {
          EventId: 'e-1',
          EventName: 'UpdateService',
          ReadOnly: 'false',
          EventTime: '2024-03-05T09:58:00+00:00',
          EventSource: 'ecs.amazonaws.com',
          Username: 'deployer',
          Resources: [],
          CloudTrailEvent: JSON.stringify(updateService),
        },
      ],
    };
    const fromLookup = await read(JSON.stringify(lookup, null, 4));
    expect(fromLookup.events.map(brief)).toEqual([
      ['2024-03-05T09:58:00.000Z', 'change', 'UpdateService checkout', 'checkout'],
    ]);
    const bridge = {
      version: '0',
      id: 'ev-1',
      'detail-type': 'AWS API Call via CloudTrail',
      source: 'aws.lambda',
      account: '123456789012',
      time: '2024-03-05T09:59:00Z',
      region: 'eu-west-1',
      resources: [],
      detail: record({
        eventID: 'e-5',
        eventSource: 'lambda.amazonaws.com',
        eventName: 'UpdateFunctionConfiguration20150331v2',
        eventTime: '2024-03-05T09:59:00Z',
        requestParameters: { functionName: 'arn:aws:lambda:eu-west-1:123456789012:function:resize-images' },
      }),
    };
    const fromBridge = await read(`${JSON.stringify(bridge)}\n`, 'bridge.jsonl');
    expect(fromBridge.events.map(brief)).toEqual([
      [
        '2024-03-05T09:59:00.000Z',
        'change',
        'UpdateFunctionConfiguration20150331v2 resize-images',
        'resize-images',
      ],
    ]);
  });

  it('is detected before any other source, and reports a value that holds no record', async () => {
    const input = await openText(JSON.stringify({ Records: [updateService] }), 'trail.json');
    expect(detectSource(input)?.name).toBe('cloudtrail');
    const { problems } = await read('[{"Records":[]},{"hello":"world"}]');
    expect(problems.map((p) => p.message)).toEqual([
      'not a CloudTrail record, log file, lookup-events answer or EventBridge event',
    ]);
  });
});
