import type { Input } from '../bundle/index.js';
import { type LogRecord, logfmtRecordReader, mostly, sampleLines, textRecordReader } from '../logs/index.js';
import { emptyRecord } from '../logs/log-record.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { linesOf } from './read-text.js';

/** What a deploy tool says it did: a release, a rollout, a rollback, a sync, a promotion, an upgrade. */
const DEPLOY_WORDS =
  /\b(?:(?:re)?deploy(?:ed|ing|ment|ments|s)?|roll(?:ed|ing|s)?[ -]?(?:out|back)|rollouts?|rollbacks?|releas(?:e|ed|es|ing)|revert(?:ed|ing|s)?|promot(?:e|ed|es|ing)|sync(?:ed|ing|s)?|upgrad(?:e|ed|es|ing)|downgrad(?:e|ed|es|ing))\b/i;
/** How a deploy tool says how a step ended, or what state it left: a line worth an entry of its own. */
const OUTCOME_WORDS =
  /\b(?:succeed(?:ed|s)?|success(?:ful(?:ly)?)?|fail(?:ed|s|ure)?|complet(?:e|ed)|finish(?:ed)?|abort(?:ed)?|healthy|unhealthy|degraded|operational|restored|verified|ready|timed out)\b/i;
const LOGFMT = /(?:^|\s)(?:msg|message)=/;
/** Argo CD names the application as `<namespace>/<name>`: the name is the service deployed. */
const APPLICATION = /(?:^|\s)application="?(?:[\w.-]{1,100}\/)?([\w.-]{1,100})/;

/** A line's time, level, message and service, read as logfmt where it is written so, else as text. */
function lineReader(ctx: Pick<ReadContext, 'time'>) {
  const options = { zone: ctx.time.zone, date: ctx.time.date ?? null };
  const text = textRecordReader(options);
  const logfmt = logfmtRecordReader(options);
  const record = emptyRecord();
  return (line: string): LogRecord | null => {
    Object.assign(record, emptyRecord());
    const isLogfmt = LOGFMT.test(line);
    const failed = (isLogfmt ? logfmt : text)(line, record);
    if (failed || Number.isNaN(record.ts)) return null;
    if (isLogfmt && !record.service) record.service = APPLICATION.exec(line)?.[1] ?? null;
    if (record.messageAt >= 0 && !record.message) record.message = line.slice(record.messageAt);
    record.message = record.message.trim();
    return record;
  };
}

/**
 * A deploy tool's log (a pipeline's deploy step, a release script, Argo CD's controller): plain
 * text or logfmt lines with times, the first line among them, two in five of which say what was
 * deployed, rolled out, rolled back or synced. Not JSON (JSON logs are mined), not CSV, and not an
 * application's log that mentions deploys now and then.
 */
function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const lines = sampleLines(input.sample);
  if (lines.length < 2 || lines[0].trimStart().startsWith('{')) return false;
  const read = lineReader({ time: { zone: 'UTC', date: '2000-01-01' } });
  const messages = lines.map((l) => read(l)?.message ?? null);
  const stamped = messages.filter((m): m is string => m !== null);
  // A log's first line has its time (a CSV's first line is its header).
  return (
    messages[0] !== null &&
    stamped.length >= 2 &&
    stamped.length >= lines.length / 2 &&
    mostly(stamped, (m) => DEPLOY_WORDS.test(m), { share: 0.4 })
  );
}

/** Undoing: a rollback, a revert, a previous version put back. */
const UNDOING =
  /\b(?:roll(?:ed|ing|s)?[ -]?back|rollbacks?|revert(?:ed|ing|s)?|restor(?:e|ed|es|ing)|downgrad(?:e|ed|es|ing))\b/i;
/** A line's leading tag, and the name before a colon after it: `[deploy] api: …`, `[worker] Deploying worker …`. */
const TAGGED = /^\[([\w.-]{1,60})\]\s{1,3}(?:([\w.-]{1,60}):\s)?/;

/**
 * The service a deploy tool's line names: the name before a colon after its tag (`[rollback] api:
 * rollback procedure initiated`), or the tag itself where the line names it again as what it
 * deploys (`[worker] Deploying worker 1.8.3`); a tag that is a step of the tool (`[rollback]`,
 * `[verify]`) names no service.
 */
function serviceNamed(message: string): string | null {
  const m = TAGGED.exec(message);
  if (!m) return null;
  if (m[2]) return m[2];
  const tag = m[1];
  if (DEPLOY_WORDS.test(tag) || UNDOING.test(tag) || OUTCOME_WORDS.test(tag)) return null;
  const rest = message
    .slice(m[0].length)
    .toLowerCase()
    .split(/[^\w.-]+/);
  return rest.includes(tag.toLowerCase()) ? tag : null;
}

const FAILED = /\b(?:fail(?:ed|s|ure)?|abort(?:ed)?|timed out)\b/i;
const VERSION = /\bv?\d{1,6}\.\d{1,6}(?:\.\d{1,6})?(?:[-+][\w.]{1,40})?\b/;
/** The steps of one deploy a tool logs apart ("Deploying web 3.4.1", "Version 3.4.1 deployed") fall within this. */
const ONE_DEPLOY_MS = 30 * 60_000;

/**
 * What the tool says it did, by its own words: undoing is a rollback, a deploy, release, rollout or
 * sync a change (unless it failed, which changed nothing); an outcome ("service fully operational")
 * is read for its meaning as a human timeline's line is.
 */
function kindOf(message: string): RawEvent['kind'] {
  if (FAILED.test(message)) return undefined;
  if (UNDOING.test(message)) return 'rollback';
  return DEPLOY_WORDS.test(message) ? 'change' : undefined;
}

/**
 * The entry of the deploy a line is a later step of: the same kind and version, within the half
 * hour, latest first.
 */
function earlierStep(entries: RawEvent[], kind: RawEvent['kind'], message: string, ts: number) {
  const version = VERSION.exec(message)?.[0];
  if (kind === undefined || version === undefined) return undefined;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry.kind === kind && ts - entry.ts <= ONE_DEPLOY_MS && VERSION.exec(entry.summary)?.[0] === version)
      return entry;
  }
  return undefined;
}

/**
 * Each line that tells of a deploy, a rollback or how a step ended is a timeline entry: a deploy
 * a change and a rollback a rollback, by the tool's own words; a later step of the same deploy
 * (its version, within the half hour) is a detail of its entry; an outcome is read for its meaning.
 * A line with no time of its own continues the one before (its output). Progress lines ("Pulling
 * image …") are not entries: they are counted in one note.
 */
async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const parse = lineReader(ctx);
  const entries: RawEvent[] = [];
  // The entry that lines with no time of their own continue; none after a progress line.
  let open: RawEvent | null = null;
  let stamped = false;
  let progress = 0;
  for await (const line of linesOf(input, ctx)) {
    if (!line.text.trim()) continue;
    const record = parse(line.text);
    if (!record) {
      if (open) open.details = [...(open.details ?? []), line.text.trim()].slice(0, 20);
      else if (stamped) progress++;
      else ctx.skip(line.number, 'deploy log line with no time, before any line with one');
      continue;
    }
    stamped = true;
    open = null;
    const worth =
      DEPLOY_WORDS.test(record.message) ||
      OUTCOME_WORDS.test(record.message) ||
      record.level === 'error' ||
      record.level === 'fatal' ||
      record.level === 'warn';
    if (!worth) {
      progress++;
      continue;
    }
    const kind = kindOf(record.message);
    const earlier = earlierStep(entries, kind, record.message, record.ts);
    if (earlier) {
      earlier.details = [...(earlier.details ?? []), record.message].slice(0, 20);
      open = earlier;
      continue;
    }
    open = {
      ts: record.ts,
      ...(kind ? { kind } : {}),
      service: record.service ?? serviceNamed(record.message) ?? ctx.spec?.service ?? null,
      summary: record.message,
      attrs: { level: record.level },
      source: { file: input.name, line: line.number },
    };
    entries.push(open);
  }
  yield* entries;
  if (progress)
    ctx.note(
      null,
      `${progress} progress line${progress === 1 ? '' : 's'} of the deploy log (no deploy, rollback or outcome named) not made entries`,
    );
}

export const deployLog: Source = {
  name: 'deploy-log',
  aliases: ['argocd', 'deploy'],
  title:
    'Deploy logs: plain-text or logfmt lines of a pipeline, release script or Argo CD controller that tell deploys, rollouts, rollbacks and syncs',
  example:
    'cp deploy.log incident/   # or: kubectl logs -n argocd deploy/argocd-application-controller > argocd.log',
  detect,
  read,
};
