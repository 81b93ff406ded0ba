import type { Input } from '../bundle/index.js';
import type { EventKind, RawEvent, ReadContext, Signal, Source } from '../model/index.js';
import { evidenceRecords, field, firstRecord, textOf } from './evidence-records.js';
import { payloadTime } from './payload-time.js';

/**
 * What each state of a guarded deploy says about the incident. `detected` is the watch deciding
 * the deploy failed; `recovered` the checks having passed for the settling period. The rollback
 * itself is the mitigation, recorded in the deploy history, so `rolling-back` only notes it.
 */
const STATES: Record<string, { kind: EventKind; signals: Signal[]; says: string }> = {
  watching: { kind: 'note', signals: [], says: 'Watching the deploy' },
  failing: { kind: 'health', signals: ['symptom'], says: 'Checks failing' },
  detected: { kind: 'health', signals: ['symptom', 'detect'], says: 'Failure detected' },
  'rolling-back': { kind: 'note', signals: [], says: 'Rolling back' },
  settling: { kind: 'note', signals: [], says: 'Rollback done; waiting for the checks to settle' },
  recovered: {
    kind: 'health',
    signals: ['recovery'],
    says: 'Recovered: checks passed for the settling period',
  },
  'not-recovered': {
    kind: 'health',
    signals: ['symptom'],
    says: 'Not recovered: the rollback did not restore service',
  },
  healthy: { kind: 'note', signals: [], says: 'Deploy verified healthy' },
  stopped: { kind: 'note', signals: [], says: 'Watch stopped' },
};

const isWatch = (kind: unknown) =>
  String(kind ?? '')
    .trim()
    .toLowerCase() === 'watch';

function detect(input: Input): boolean {
  const first = firstRecord(input);
  return first !== null && isWatch(field(first.record, 'kind')) && field(first.record, 'state') !== undefined;
}

/** A detection by metrics (an error rate over its threshold) is not a health check's. */
const BY_METRIC = /\b(error[ -]?rate|prometheus|threshold|quer(y|ies))\b/i;

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  for await (const { record, line } of evidenceRecords(input, ctx)) {
    if (!isWatch(field(record, 'kind'))) {
      ctx.skip(line, `not a watch state: kind '${String(field(record, 'kind') ?? '').slice(0, 40)}'`);
      continue;
    }
    const ts = payloadTime(field(record, 'ts', 'time', 'timestamp'), ctx.time);
    const state = textOf(field(record, 'state'))?.toLowerCase() ?? '';
    const meaning = STATES[state];
    if (ts == null || !meaning) {
      ctx.skip(
        line,
        ts == null
          ? 'watch state without a readable ts'
          : `unknown watch state '${state.slice(0, 40)}' (expected ${Object.keys(STATES).join(', ')})`,
      );
      continue;
    }
    const reason = textOf(field(record, 'reason'));
    const kind = meaning.kind === 'health' && reason && BY_METRIC.test(reason) ? 'metric' : meaning.kind;
    yield {
      ts,
      kind,
      service: textOf(field(record, 'service')) ?? null,
      summary: `${meaning.says}${reason ? `: ${reason}` : ''}`,
      signals: [...meaning.signals],
      group: input.name,
      attrs: { state, ...(reason ? { reason } : {}) },
      source: { file: input.name, line },
    };
  }
}

/** The state changes of `hindsight watch`: watching, detected, rolling back, recovered. */
export const watchStates: Source = {
  name: 'watch-states',
  aliases: ['watch'],
  title:
    'Guarded-deploy states: JSON Lines of kind watch, ts, state, reason (as hindsight watch writes them)',
  example: 'hindsight watch --health URL --out BUNDLE   # writes watch.jsonl',
  detect,
  read,
};
