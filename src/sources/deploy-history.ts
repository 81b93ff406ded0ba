import type { Input } from '../bundle/index.js';
import type { RawEvent, ReadContext, Signal, Source } from '../model/index.js';
import {
  booleanOf,
  type EvidenceRecord,
  evidenceRecords,
  field,
  firstRecord,
  numberOf,
  textOf,
} from './evidence-records.js';
import { payloadTime } from './payload-time.js';

type Action = 'deploy' | 'rollback';

/** One line of a deploy history: a command started, or finished with its result. */
interface Step {
  ts: number;
  action: Action;
  phase: 'started' | 'finished' | null;
  service: string | null;
  version: string | null;
  previousVersion: string | null;
  command: string | undefined;
  exitCode: number | null;
  durationMs: number | null;
  timedOut: boolean;
  output: string | undefined;
  line: number;
}

function actionOf(kind: unknown): Action | null {
  const k = String(kind ?? '')
    .trim()
    .toLowerCase();
  if (k === 'deploy' || k === 'deployment' || k === 'release') return 'deploy';
  return k === 'rollback' || k === 'roll-back' || k === 'revert' ? 'rollback' : null;
}

/** `kind: deploy|rollback` with a version and no free-text summary (that is a generic event). */
function detect(input: Input): boolean {
  const first = firstRecord(input);
  if (!first) return false;
  const r = first.record;
  return (
    actionOf(field(r, 'kind')) !== null &&
    field(r, 'version') !== undefined &&
    field(r, 'summary', 'message') === undefined
  );
}

function stepOf(record: EvidenceRecord, line: number, ctx: ReadContext): Step | null {
  const action = actionOf(field(record, 'kind'));
  if (!action) {
    ctx.skip(line, `not a deploy or rollback: kind '${String(field(record, 'kind') ?? '').slice(0, 40)}'`);
    return null;
  }
  const ts = payloadTime(field(record, 'ts', 'time', 'timestamp'), ctx.time);
  if (ts == null) {
    ctx.skip(line, `${action} without a readable ts`);
    return null;
  }
  const phase = textOf(field(record, 'phase'))?.toLowerCase();
  if (phase && phase !== 'started' && phase !== 'finished') {
    ctx.skip(line, `${action} with phase '${phase.slice(0, 40)}' (expected started or finished)`);
    return null;
  }
  return {
    ts,
    action,
    phase: (phase as Step['phase']) ?? null,
    service: textOf(field(record, 'service')) ?? null,
    version: textOf(field(record, 'version')) ?? null,
    previousVersion: textOf(field(record, 'previousVersion', 'previous_version', 'from')) ?? null,
    command: textOf(field(record, 'command')),
    exitCode: numberOf(field(record, 'exitCode', 'exit_code')),
    durationMs: numberOf(field(record, 'durationMs', 'duration_ms')),
    timedOut: booleanOf(field(record, 'timedOut', 'timed_out')) === true,
    output: textOf(field(record, 'output')),
    line,
  };
}

const seconds = (ms: number | null) => (ms == null ? '' : `${Math.round(ms / 100) / 10} s`);

/** `exit 0, 3.2 s`, or how it failed. */
function result(end: Step): string {
  if (end.timedOut) return `timed out${end.durationMs != null ? ` after ${seconds(end.durationMs)}` : ''}`;
  return [end.exitCode != null ? `exit ${end.exitCode}` : 'exit unknown', seconds(end.durationMs)]
    .filter(Boolean)
    .join(', ');
}

const succeeded = (end: Step) => !end.timedOut && end.exitCode === 0;
const name = (s: Step) => s.service ?? 'the service';

function startSummary(s: Step, end: Step | undefined): string {
  // A finished line with no start: what it says is how the command ended.
  if (s.phase === 'finished' && !end)
    return `${s.action === 'deploy' ? 'Deploy' : 'Rollback'} of ${name(s)}${s.version ? ` ${s.version}` : ''} finished (${result(s)})`;
  const outcome = end ? (succeeded(end) ? `; finished (${result(end)})` : `; failed (${result(end)})`) : '';
  if (s.action === 'deploy') {
    const from = s.previousVersion ? ` (replacing ${s.previousVersion})` : '';
    return `Deploy of ${name(s)}${s.version ? ` ${s.version}` : ''}${from} started${outcome}`;
  }
  const from = s.previousVersion ? ` from ${s.previousVersion}` : '';
  return `Rollback of ${name(s)}${from} to ${s.version ?? 'the previous version'} started`;
}

function attrsOf(s: Step, end: Step | undefined): Record<string, unknown> {
  const last = end ?? s;
  return {
    action: s.action,
    ...(s.phase ? { phase: s.phase } : {}),
    ...(s.version ? { version: s.version } : {}),
    ...(s.previousVersion ? { previousVersion: s.previousVersion } : {}),
    ...(s.command ? { command: s.command } : {}),
    ...(last.exitCode != null ? { exitCode: last.exitCode } : {}),
    ...(last.durationMs != null ? { durationMs: last.durationMs } : {}),
    ...(last.timedOut ? { timedOut: true } : {}),
    ...(last.output ? { output: last.output } : {}),
  };
}

/** The entries of one command: its start, and the end of a rollback (the version restored, or not). */
function eventsOf(start: Step, end: Step | undefined, file: string): RawEvent[] {
  const rollback = start.action === 'rollback';
  const signals: Signal[] = rollback ? ['mitigation', 'change'] : ['change'];
  const object = `${start.action} ${start.service ?? ''} ${start.version ?? ''} line ${start.line}`;
  const first: RawEvent = {
    ts: start.ts,
    kind: rollback ? 'rollback' : 'change',
    service: start.service,
    summary: startSummary(start, rollback ? undefined : end),
    signals,
    group: file,
    attrs: { ...attrsOf(start, rollback ? undefined : end), ...(end && !rollback ? { object } : {}) },
    source: { file, line: start.line },
  };
  if (!end) return [first];
  if (!rollback)
    // A deploy's end is part of its entry: the change is one moment, cited by both lines.
    return [
      first,
      {
        ts: end.ts,
        kind: 'change',
        service: end.service,
        summary: `Deploy of ${name(end)} ${end.version ?? ''} finished (${result(end)})`,
        signals: [],
        group: file,
        attrs: { routine: true, object },
        source: { file, line: end.line },
      },
    ];
  const restored = succeeded(end);
  const version = end.version ?? start.version ?? 'the previous version';
  return [
    first,
    {
      ts: end.ts,
      kind: 'rollback',
      service: end.service ?? start.service,
      summary: restored
        ? `Rollback of ${name(end)} finished: previous version ${version} restored (${result(end)})`
        : `Rollback of ${name(end)} to ${version} did not complete (${result(end)})`,
      signals: restored ? ['mitigation'] : [],
      group: file,
      attrs: { ...attrsOf(start, end), phase: 'finished', restored },
      source: { file, line: end.line },
    },
  ];
}

/** Each finished line joins the latest start of the same command that has no end yet. */
function pair(steps: Step[]): [Step, Step | undefined][] {
  const out: [Step, Step | undefined][] = [];
  for (const step of steps) {
    if (step.phase !== 'finished') {
      out.push([step, undefined]);
      continue;
    }
    const open = [...out]
      .reverse()
      .find(
        ([s, e]) =>
          !e &&
          s.phase === 'started' &&
          s.action === step.action &&
          s.service === step.service &&
          s.ts <= step.ts,
      );
    // A finished line with no start (the start cut off) is its own entry, saying how it ended.
    if (open) open[1] = step;
    else out.push([step, undefined]);
  }
  return out;
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const steps: Step[] = [];
  for await (const { record, line } of evidenceRecords(input, ctx)) {
    const step = stepOf(record, line, ctx);
    if (step) steps.push(step);
  }
  steps.sort((a, b) => a.ts - b.ts || a.line - b.line);
  const events = pair(steps).flatMap(([start, end]) => eventsOf(start, end, input.name));
  yield* events.sort((a, b) => a.ts - b.ts);
}

/** A deploy history: deploys and rollbacks with versions, as `hindsight watch` writes it or any pipeline can. */
export const deployHistory: Source = {
  name: 'deploy-history',
  aliases: ['deploys', 'deployments'],
  title:
    'Deploy history: JSON Lines or CSV of kind (deploy|rollback), ts, phase, service, version, previousVersion, exitCode',
  example:
    'hindsight watch --deploy CMD --rollback CMD --out BUNDLE   # writes deploys.jsonl; a pipeline can append the same lines',
  detect,
  read,
};
