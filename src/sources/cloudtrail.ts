import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { asObject, asText, type Payload, parseJsonObject, readPayloads } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

type Obj = Record<string, unknown>;

/**
 * AWS CloudTrail: who changed what in an AWS account, in the shapes a team keeps it — the CLI's
 * `aws cloudtrail lookup-events` (each record a JSON string in `CloudTrailEvent`), the log files
 * CloudTrail delivers to S3 (`{"Records":[…]}`, `.json.gz` too), EventBridge's "AWS API Call via
 * CloudTrail" events, and bare records (a CloudTrail Lake or Athena export). A call that writes,
 * made by a person or a pipeline, is a change: "UpdateService checkout", what was called on what,
 * never who called it (blameless); a write that failed is a note that says so. Reads, sign-ins,
 * data events (a message published) and the calls AWS services make for themselves give no entry.
 */

/** Calls that read or authenticate, by the first word of their name. */
const READ =
  /^(?:Get|List|Describe|Head|Lookup|Search|Query|Scan|Select|BatchGet|Check|Test|Validate|Decrypt|Encrypt|GenerateDataKey|AssumeRole|ConsoleLogin|GetSessionToken|GetFederationToken|Sign|Verify|Preview|Estimate|Simulate|Poll|Receive|Download|View)/;
/** Request fields that name what a call acts on, most telling first. */
const NAMES = [
  'service',
  'functionName',
  'dBInstanceIdentifier',
  'dBClusterIdentifier',
  'autoScalingGroupName',
  'clusterName',
  'nodegroupName',
  'stackName',
  'roleName',
  'policyName',
  'userName',
  'bucketName',
  'tableName',
  'groupId',
  'loadBalancerName',
  'targetGroupArn',
  'listenerArn',
  'ruleName',
  'repositoryName',
  'topicArn',
  'queueUrl',
  'name',
  'cluster',
];
/** Fields whose value names a running service: the change is to that service. */
const SERVICE_FIELDS = new Set(['service', 'functionName']);

/** `arn:aws:ecs:…:service/prod/checkout` → `checkout`; a queue URL → its last part. */
const lastPart = (value: string) => value.split(/[/:]/).filter(Boolean).at(-1) ?? value;

/** What a call acts on, and whether that is a running service, from its request and resources. */
function target(record: Obj): { name: string | null; isService: boolean } {
  const request = asObject(record.requestParameters) ?? {};
  for (const key of NAMES) {
    const value = asText(request[key]);
    if (value) return { name: lastPart(value), isService: SERVICE_FIELDS.has(key) };
  }
  const resources = Array.isArray(record.resources) ? record.resources : [];
  for (const r of resources) {
    const arn = asText(asObject(r)?.ARN ?? asObject(r)?.arn);
    if (arn) return { name: lastPart(arn), isService: false };
  }
  return { name: null, isService: false };
}

/**
 * True for what changes nothing an incident could follow from: a data event (`managementEvent`
 * false: a message published, an object written) or a call AWS made for itself (a service event,
 * a service-linked role, Auto Scaling launching an instance).
 */
function notAChange(record: Obj): boolean {
  if (record.managementEvent === false || record.eventCategory === 'Data') return true;
  if (record.eventType === 'AwsServiceEvent') return true;
  const who = asObject(record.userIdentity) ?? {};
  if (who.type === 'AWSService' || typeof record.invokedBy === 'string' || typeof who.invokedBy === 'string')
    return true;
  const issuer = asText(asObject(asObject(who.sessionContext)?.sessionIssuer)?.userName) ?? '';
  return issuer.startsWith('AWSServiceRoleFor');
}

/** A CloudTrail record, from whichever shape holds it, with the line to cite. */
interface Found {
  record: Obj;
  line: number;
}

/** The records one JSON value of the file holds, or null when it holds none. */
function recordsOf(payload: Payload): Found[] | null {
  const value = asObject(payload.value);
  if (!value) return null;
  const at = (id: unknown) => (typeof id === 'string' ? payload.locate(JSON.stringify(id)) : payload.line);
  if (Array.isArray(value.Events))
    return value.Events.flatMap((e) => {
      const record = parseJsonObject(asObject(e)?.CloudTrailEvent);
      return record ? [{ record, line: at(asObject(e)?.EventId) }] : [];
    });
  if (Array.isArray(value.Records))
    return value.Records.flatMap((r) => {
      const record = asObject(r);
      return record && isRecord(record) ? [{ record, line: at(record.eventID) }] : [];
    });
  const detail = asObject(value.detail);
  if (value['detail-type'] === 'AWS API Call via CloudTrail' && detail && isRecord(detail))
    return [{ record: detail, line: payload.line }];
  return isRecord(value) ? [{ record: value, line: payload.line }] : null;
}

const isRecord = (o: Obj) =>
  typeof o.eventName === 'string' && typeof o.eventSource === 'string' && 'eventTime' in o;

function eventOf({ record, line }: Found, file: string, ctx: ReadContext): RawEvent | null {
  const name = record.eventName as string;
  if (record.readOnly === true || READ.test(name) || notAChange(record)) return null;
  const ts = payloadTime(record.eventTime, ctx.time);
  if (ts == null) {
    ctx.skip(line, `CloudTrail ${name} has no readable time`);
    return null;
  }
  const { name: what, isService } = target(record);
  const error = asText(record.errorCode);
  const called = what ? `${name} ${what}` : name;
  const api = (record.eventSource as string).replace(/\.amazonaws\.com$/, '');
  return {
    ts,
    kind: error ? 'note' : 'change',
    service: isService ? what : null,
    summary: error ? `${called} failed (${error})` : called,
    attrs: {
      api,
      call: name,
      ...(what ? { target: what } : {}),
      ...(asText(record.awsRegion) ? { region: asText(record.awsRegion) } : {}),
      ...(error ? { errorCode: error } : {}),
    },
    source: { file, line },
  };
}

function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const s = input.sample;
  return (
    (/"Events"\s*:\s*\[/.test(s) && /"CloudTrailEvent"\s*:/.test(s)) ||
    (/"eventSource"\s*:\s*"[\w.-]{1,80}\.amazonaws\.com"/.test(s) && /"eventName"\s*:/.test(s))
  );
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  for (const payload of await readPayloads(input, ctx)) {
    const found = recordsOf(payload);
    if (!found) {
      ctx.skip(payload.line, 'not a CloudTrail record, log file, lookup-events answer or EventBridge event');
      continue;
    }
    for (const f of found) {
      const event = eventOf(f, input.name, ctx);
      if (event) yield event;
    }
  }
}

export const cloudtrail: Source = {
  name: 'cloudtrail',
  aliases: ['aws-cloudtrail', 'cloudtrail-lake'],
  title:
    'AWS CloudTrail: lookup-events output, log files from S3, EventBridge "AWS API Call via CloudTrail" events; write calls as changes',
  example:
    'aws cloudtrail lookup-events --start-time 2024-03-05T09:00Z --end-time 2024-03-05T12:00Z > changes/cloudtrail.json',
  detect,
  read,
};
