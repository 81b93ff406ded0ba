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

/** One health-check sample as the log records it. */
interface Sample {
  ts: number;
  url: string;
  ok: boolean;
  status: number | null;
  latencyMs: number | null;
  excerpt: string | undefined;
  error: string | undefined;
  line: number;
}

const isHealthKind = (kind: unknown) => /^health[-_ ]?checks?$/i.test(String(kind ?? '').trim());

/** `kind: health-check` records, or records with no kind that carry a time, a url and an ok. */
function looksLikeHealthCheck(record: EvidenceRecord): boolean {
  const kind = field(record, 'kind');
  if (kind !== undefined && kind !== '') return isHealthKind(kind);
  return ['ts', 'url', 'ok'].every((name) => field(record, name) !== undefined);
}

function detect(input: Input): boolean {
  const first = firstRecord(input);
  return first !== null && looksLikeHealthCheck(first.record);
}

function sampleOf(record: EvidenceRecord, line: number, ctx: ReadContext): Sample | null {
  const kind = field(record, 'kind');
  if (kind !== undefined && kind !== '' && !isHealthKind(kind)) {
    ctx.skip(line, `not a health check: kind '${String(kind).slice(0, 40)}'`);
    return null;
  }
  const ts = payloadTime(field(record, 'ts', 'time', 'timestamp'), ctx.time);
  const url = textOf(field(record, 'url', 'target', 'check'));
  const ok = booleanOf(field(record, 'ok', 'healthy', 'passed'));
  const missing = [ts == null && 'a readable ts', !url && 'a url', ok == null && 'ok (true or false)'].filter(
    Boolean,
  );
  if (missing.length) {
    ctx.skip(line, `health check without ${missing.join(', ')}`);
    return null;
  }
  return {
    ts: ts!,
    url: url!,
    ok: ok!,
    status: numberOf(field(record, 'status', 'statusCode', 'code')),
    latencyMs: numberOf(field(record, 'latencyMs', 'latency_ms', 'latency')),
    excerpt: textOf(field(record, 'excerpt', 'body'))?.slice(0, 200),
    error: textOf(field(record, 'error')),
    line,
  };
}

const clock = (ts: number) => new Date(ts).toISOString().slice(11, 19);

/**
 * Socket errors of the checked URL itself, in words: the service not listening is its own outage,
 * not a dependency's (the code stays in the sample's attributes).
 */
const SOCKET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'nothing listening (refused)',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENOTFOUND: 'host not found',
  // undici (Node's fetch): the other side closed the socket.
  UND_ERR_SOCKET: 'connection closed',
};

/** What a failed sample got: the error, else the HTTP status with the start of the body. */
function outcome(s: Sample): string {
  if (s.error) return SOCKET_ERRORS[s.error.toUpperCase()] ?? s.error;
  const body = s.excerpt ? `: ${s.excerpt.replace(/\s+/g, ' ').slice(0, 80)}` : '';
  return s.status != null ? `HTTP ${s.status}${body}` : `failed${body}`;
}

/** The outcomes of a run of samples, most frequent first: `HTTP 500 (9), ECONNREFUSED (2)`. */
function outcomes(run: Sample[]): string {
  const counts = new Map<string, number>();
  for (const s of run) counts.set(outcome(s), (counts.get(outcome(s)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([text, n]) => (run.length > 1 ? `${text} (${n})` : text))
    .join(', ');
}

/** Consecutive samples of one URL with the same result. */
function runsOf(samples: Sample[]): Sample[][] {
  const runs: Sample[][] = [];
  for (const s of samples) {
    const last = runs.at(-1);
    if (last && last[0].ok === s.ok) last.push(s);
    else runs.push([s]);
  }
  return runs;
}

function summaryOf(run: Sample[], recovering: boolean): string {
  const [first] = run;
  const last = run[run.length - 1];
  const n = run.length;
  const times = n > 1 ? `${n} checks, ${clock(first.ts)}–${clock(last.ts)}` : `1 check, ${clock(first.ts)}`;
  if (!first.ok) return `Health check of ${first.url} failed (${times}): ${outcomes(run)}`;
  return `Health check of ${first.url} ${recovering ? 'passes again' : 'passed'} (${times})`;
}

/**
 * One entry per run of results: a run of failures is a symptom, the run of passes after it a
 * recovery; every sample of the run is folded into its entry, so the entry cites them all.
 */
function episodeEvents(run: Sample[], index: number, after: Sample[] | undefined, file: string): RawEvent[] {
  const [first] = run;
  const last = run[run.length - 1];
  const object = `health-check ${first.url} run ${index + 1}`;
  const failed = run.filter((s) => !s.ok).length;
  const recovering = first.ok && after !== undefined && !after[0].ok;
  const signals: Signal[] = first.ok ? (recovering ? ['recovery'] : []) : ['symptom'];
  const latencies = run.map((s) => s.latencyMs).filter((l): l is number => l != null);
  const lead: RawEvent = {
    ts: first.ts,
    kind: 'health',
    service: null,
    summary: summaryOf(run, recovering),
    signals,
    group: file,
    attrs: {
      url: first.url,
      object,
      checks: run.length,
      failedChecks: failed,
      first: new Date(first.ts).toISOString(),
      last: new Date(last.ts).toISOString(),
      lastStep: new Date(last.ts).toISOString(),
      ...(first.status != null ? { status: first.status } : {}),
      ...(first.error ? { error: first.error } : {}),
      errors: [...new Set(run.map((s) => s.error).filter(Boolean))],
      ...(first.excerpt ? { excerpt: first.excerpt } : {}),
      ...(latencies.length ? { latencyMsMax: Math.max(...latencies) } : {}),
    },
    source: { file, line: first.line },
  };
  const rest = run.slice(1).map(
    (s): RawEvent => ({
      ts: s.ts,
      kind: 'health',
      service: null,
      summary: `Health check of ${s.url}: ${s.ok ? `passed${s.status != null ? ` (HTTP ${s.status})` : ''}` : outcome(s)}`,
      signals: [],
      group: file,
      attrs: {
        routine: true,
        object,
        url: s.url,
        ...(s.status != null ? { status: s.status } : {}),
        ...(s.error ? { error: s.error } : {}),
      },
      source: { file, line: s.line },
    }),
  );
  return [lead, ...rest];
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  const byUrl = new Map<string, Sample[]>();
  for await (const { record, line } of evidenceRecords(input, ctx)) {
    const sample = sampleOf(record, line, ctx);
    if (!sample) continue;
    const list = byUrl.get(sample.url);
    if (list) list.push(sample);
    else byUrl.set(sample.url, [sample]);
  }
  const events: RawEvent[] = [];
  for (const samples of byUrl.values()) {
    const runs = runsOf(samples.sort((a, b) => a.ts - b.ts || a.line - b.line));
    for (const [i, run] of runs.entries()) events.push(...episodeEvents(run, i, runs[i - 1], input.name));
  }
  yield* events.sort((a, b) => a.ts - b.ts);
}

/** A health-check log: one sample per line, as `hindsight watch` writes it or any prober can. */
export const healthChecks: Source = {
  name: 'health-checks',
  aliases: ['health-check', 'healthchecks'],
  title:
    'Health-check log: JSON Lines (kind: health-check) or CSV with ts, url, ok, status, latencyMs, excerpt, error',
  example:
    'hindsight watch --health URL --out BUNDLE   # writes health-checks.jsonl; any prober can write the same lines',
  detect,
  read,
};
