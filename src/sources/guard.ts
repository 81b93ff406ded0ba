// Every reader passes through here, so no event or series a report cannot print gets past,
// whatever a reader missed: such values become skipped lines, and a file stops at its caps.
import type { Input } from '../bundle/index.js';
import type { ReadContext, Source } from '../model/index.js';
import { RawEvent, type Series } from '../model/index.js';
import { isPrintableTime } from '../time/index.js';
import { LIMITS } from './limits.js';

/** Largest metric value believed: past 2^53 integers are no longer exact, and sums overflow soon after. */
export const MAX_METRIC_VALUE = Number.MAX_SAFE_INTEGER;

/** True when a metric value is a finite number no larger than `MAX_METRIC_VALUE`. */
export const isBelievableValue = (v: number): boolean =>
  Number.isFinite(v) && Math.abs(v) <= MAX_METRIC_VALUE;

/** Why an event cannot go into a report, or null when it can. */
export function eventProblem(event: RawEvent): string | null {
  if (typeof event.ts !== 'number' || !isPrintableTime(event.ts))
    return `time out of range (${String(event.ts).slice(0, 40)})`;
  const parsed = RawEvent.safeParse(event);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `not a usable event: ${issue.path.join('.') || 'value'}: ${issue.message}`;
}

/** A series with only the points a report can use; each point dropped is a skipped line. */
export function cleanSeries(series: Series, ctx: Pick<ReadContext, 'skip'>, room: number): Series {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(series.labels ?? {})) {
    if (typeof value === 'string') labels[key] = value;
    else ctx.skip(series.source.line, `${series.name}: label '${key}' is not a string; label dropped`);
  }
  const points: [number, number][] = [];
  for (const point of series.points) {
    const [ts, value] = Array.isArray(point) ? point : [Number.NaN, Number.NaN];
    if (!isPrintableTime(ts)) ctx.skip(series.source.line, `${series.name}: point time out of range`);
    else if (typeof value !== 'number' || !isBelievableValue(value))
      ctx.skip(
        series.source.line,
        `${series.name}: point value out of range (${String(value).slice(0, 40)})`,
      );
    else if (points.length < room) points.push([ts, value]);
  }
  if (points.length < series.points.length && points.length === room)
    ctx.skip(
      series.source.line,
      `${series.name}: points past the cap of ${LIMITS.pointsPerFile.toLocaleString('en-US')} per file dropped`,
    );
  const service = typeof series.service === 'string' ? series.service : null;
  return { ...series, name: String(series.name), labels, points, service };
}

async function* guardedRead(source: Source, input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  let points = 0;
  const guardedCtx: ReadContext = {
    ...ctx,
    addSeries: (series) => {
      const clean = cleanSeries(series, ctx, LIMITS.pointsPerFile - points);
      points += clean.points.length;
      ctx.addSeries(clean);
    },
  };
  let events = 0;
  for await (const event of source.read(input, guardedCtx)) {
    const problem = eventProblem(event);
    if (problem) {
      ctx.skip(event?.source?.line ?? null, problem);
      continue;
    }
    if (++events > LIMITS.eventsPerFile) {
      ctx.skip(
        null,
        `stopped after ${LIMITS.eventsPerFile.toLocaleString('en-US')} events, the cap per file; the rest was not read`,
      );
      return;
    }
    yield event;
  }
}

/**
 * The same source, reading through the guard: events outside years 0000–9999 or not matching
 * `RawEvent`, metric points out of range and labels that are not text are skipped with a reason.
 * @example const safe = guarded(alertmanager)
 */
export function guarded(source: Source): Source {
  return { ...source, read: (input, ctx) => guardedRead(source, input, ctx) };
}
