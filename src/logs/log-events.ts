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
  for (const [service, group] of byService) {
    const window = baselineWindow(group, baselineEnd, baselineShare);
    for (const t of group) {
      if (!SYMPTOM_LEVELS.has(t.level)) continue;
      const isNew = t.firstSeen >= window.cut;
      const before = t.perMinute.filter(([m]) => m + MINUTE <= window.cut).reduce((sum, [, n]) => sum + n, 0);
      const burst = isNew
        ? null
        : burstOf(t, window.cut, Math.max(minBurstPerMinute, (burstFactor * before) / window.minutes));
      if (!isNew && !burst) continue;
      const where = service ? ` in ${service}` : '';
      const quoted = `"${t.template.length > 160 ? `${t.template.slice(0, 157)}…` : t.template}"`;
      const base = {
        kind: 'log' as const,
        service: t.service,
        source: t.source,
      };
      const attrs = {
        level: t.level,
        template: t.template,
        new: isNew,
        example: t.example,
        baselinePerMinute: before / window.minutes,
      };
      if (isNew) {
        const times =
          t.count === 1
            ? `once at ${clock(t.firstSeen)}`
            : `${t.count.toLocaleString('en-US')} times ${clock(t.firstSeen)}–${clock(t.lastSeen)}`;
        events.push({
          ...base,
          ts: t.firstSeen,
          summary: `New ${t.level} log template${where}: ${quoted} — ${times}`,
          attrs: { ...attrs, phase: 'first-seen', count: t.count },
        });
        if (t.lastSeen > t.firstSeen) {
          events.push({
            ...base,
            ts: t.lastSeen,
            summary: `Last ${t.level} log ${quoted}${where} (${t.count.toLocaleString('en-US')} since ${clock(t.firstSeen)})`,
            attrs: { ...attrs, phase: 'last-seen', count: t.count },
          });
        }
      } else if (burst) {
        const rate = (before / window.minutes).toFixed(1);
        events.push({
          ...base,
          ts: burst.from,
          summary: `Burst of ${t.level} log template${where}: ${quoted} — ${burst.count.toLocaleString('en-US')} times ${clock(burst.from)}–${clock(burst.to)} (baseline ${rate}/min)`,
          attrs: { ...attrs, phase: 'burst', count: burst.count },
        });
        events.push({
          ...base,
          ts: burst.to,
          summary: `Burst of ${t.level} log ${quoted}${where} ended`,
          attrs: { ...attrs, phase: 'last-seen', count: burst.count },
        });
      }
    }
  }
  return events.sort((a, b) => a.ts - b.ts);
}
