import { DateTime } from 'luxon';
import type { LogTemplate, RawEvent } from '../model/index.js';
import { normaliseZone } from '../time/index.js';

export interface LogEventOptions {
  /** End of the quiet period: the first change or symptom. Null: the first `baselineShare` of each service's log. */
  baselineEnd: number | null;
  /** Zone the summaries write times in. */
  zone?: string;
  /** A minute bursts when it holds this many times the baseline's per-minute rate… */
  burstFactor?: number;
  /** …and at least this many lines. */
  minBurstPerMinute?: number;
  baselineShare?: number;
}

const MINUTE = 60_000;
const SYMPTOM_LEVELS = new Set(['fatal', 'error', 'warn']);

/** The window a service's templates are judged against: before the change, or the log's first part. */
function baselineWindow(templates: LogTemplate[], baselineEnd: number | null, share: number) {
  const start = Math.min(...templates.map((t) => t.firstSeen));
  const end = Math.max(...templates.map((t) => t.lastSeen));
  const cut = baselineEnd !== null && baselineEnd > start ? baselineEnd : start + share * (end - start);
  return { start, cut, minutes: Math.max(1, (cut - start) / MINUTE) };
}

/** The contiguous-ish run of minutes after the baseline whose counts reach `threshold`. */
function burstOf(template: LogTemplate, cut: number, threshold: number) {
  const hot = template.perMinute.filter(([minute, n]) => minute + MINUTE > cut && n >= threshold);
  if (!hot.length) return null;
  const from = hot[0][0];
  const to = hot[hot.length - 1][0] + MINUTE;
  const count = template.perMinute.filter(([m]) => m >= from && m < to).reduce((sum, [, n]) => sum + n, 0);
  return { from: Math.max(from, template.firstSeen), to: Math.min(to, template.lastSeen), count };
}

type Verdict =
  | { isNew: true; baselinePerMinute: number }
  | { isNew: false; baselinePerMinute: number; burst: Burst };
type Burst = NonNullable<ReturnType<typeof burstOf>>;

/** The timeline entries for one template judged new or bursting. */
function eventsFor(t: LogTemplate, verdict: Verdict, clock: (ms: number) => string): RawEvent[] {
  const where = t.service ? ` in ${t.service}` : '';
  const quoted = `"${t.template.length > 160 ? `${t.template.slice(0, 157)}…` : t.template}"`;
  const count = (n: number) => n.toLocaleString('en-US');
  const base = { kind: 'log' as const, service: t.service, source: t.source };
  const attrs = {
    level: t.level,
    template: t.template,
    new: verdict.isNew,
    example: t.example,
    baselinePerMinute: verdict.baselinePerMinute,
  };
  if (verdict.isNew) {
    const times =
      t.count === 1
        ? `once at ${clock(t.firstSeen)}`
        : `${count(t.count)} times ${clock(t.firstSeen)}–${clock(t.lastSeen)}`;
    const first: RawEvent = {
      ...base,
      ts: t.firstSeen,
      summary: `New ${t.level} log template${where}: ${quoted} — ${times}`,
      attrs: { ...attrs, phase: 'first-seen', count: t.count },
    };
    if (t.lastSeen <= t.firstSeen) return [first];
    const last = `Last ${t.level} log ${quoted}${where} (${count(t.count)} since ${clock(t.firstSeen)})`;
    return [
      first,
      { ...base, ts: t.lastSeen, summary: last, attrs: { ...attrs, phase: 'last-seen', count: t.count } },
    ];
  }
  const { burst } = verdict;
  const rate = verdict.baselinePerMinute.toFixed(1);
  const summary = `Burst of ${t.level} log template${where}: ${quoted} — ${count(burst.count)} times ${clock(burst.from)}–${clock(burst.to)} (baseline ${rate}/min)`;
  return [
    { ...base, ts: burst.from, summary, attrs: { ...attrs, phase: 'burst', count: burst.count } },
    {
      ...base,
      ts: burst.to,
      summary: `Burst of ${t.level} log ${quoted}${where} ended`,
      attrs: { ...attrs, phase: 'last-seen', count: burst.count },
    },
  ];
}

/**
 * Chooses the log events worth a timeline entry: error and warning templates that are new since
 * the baseline (first-seen, last-seen) or burst well above their own baseline rate (burst,
 * last-seen). Steady noise and info templates give nothing. Pure: data in, events out.
 * @example logEvents(templates, { baselineEnd: Date.parse('2026-02-10T14:00:00Z') })
 */
export function logEvents(
  templates: LogTemplate[],
  {
    baselineEnd,
    zone = 'UTC',
    burstFactor = 5,
    minBurstPerMinute = 10,
    baselineShare = 0.2,
  }: LogEventOptions,
): RawEvent[] {
  const clock = (ms: number) => DateTime.fromMillis(ms, { zone: normaliseZone(zone) }).toFormat('HH:mm:ss');
  const byService = new Map<string, LogTemplate[]>();
  for (const t of templates) {
    const list = byService.get(t.service ?? '');
    if (list) list.push(t);
    else byService.set(t.service ?? '', [t]);
  }
  const events: RawEvent[] = [];
  for (const group of byService.values()) {
    const window = baselineWindow(group, baselineEnd, baselineShare);
    for (const t of group) {
      if (!SYMPTOM_LEVELS.has(t.level)) continue;
      const before = t.perMinute.filter(([m]) => m + MINUTE <= window.cut).reduce((sum, [, n]) => sum + n, 0);
      const baselinePerMinute = before / window.minutes;
      if (t.firstSeen >= window.cut) {
        events.push(...eventsFor(t, { isNew: true, baselinePerMinute }, clock));
        continue;
      }
      const burst = burstOf(t, window.cut, Math.max(minBurstPerMinute, burstFactor * baselinePerMinute));
      if (burst) events.push(...eventsFor(t, { isNew: false, baselinePerMinute, burst }, clock));
    }
  }
  return events.sort((a, b) => a.ts - b.ts);
}
