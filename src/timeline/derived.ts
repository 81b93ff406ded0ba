import { logEvents, logOverview } from '../logs/index.js';
import { metricEvents, queryRange } from '../metrics/index.js';
import type { LogTemplate, Manifest, Problem, RawEvent, Series } from '../model/index.js';
import { classify } from './classify.js';

/**
 * End of the quiet period that logs and metrics are compared against: the first change or
 * symptom that the other evidence records. Null when it records neither.
 */
export function baselineEndOf(raws: RawEvent[]): number | null {
  let end: number | null = null;
  for (const raw of raws) {
    const { kind, signals } = classify(raw);
    const starts = (kind === 'change' && !signals.includes('mitigation')) || signals.includes('symptom');
    if (starts && (end === null || raw.ts < end)) end = raw.ts;
  }
  return end;
}

/** The window to ask a live Prometheus about: the evidence's span, else the manifest's day. */
function queryWindow(raws: RawEvent[], manifest: Manifest): { start: number; end: number } | null {
  if (raws.length) {
    const times = raws.map((r) => r.ts);
    return { start: Math.min(...times), end: Math.max(...times) };
  }
  if (!manifest.date) return null;
  const start = Date.parse(`${manifest.date.slice(0, 10)}T00:00:00Z`);
  return { start, end: start + 86_400_000 };
}

/** Series from every live Prometheus the manifest names; a server that fails is a problem, not a stop. */
export async function liveSeries(
  raws: RawEvent[],
  manifest: Manifest,
  problems: Problem[],
): Promise<Series[]> {
  const specs = manifest.sources.filter((s) => s.prometheus || s.queries);
  if (!specs.length) return [];
  const window = queryWindow(raws, manifest);
  const out: Series[] = [];
  for (const spec of specs) {
    if (!window) {
      problems.push({
        file: spec.prometheus ?? '(manifest)',
        line: null,
        message: 'no time window to query: add evidence with times or a date to the manifest',
      });
      continue;
    }
    const step = typeof spec.step === 'number' ? spec.step : undefined;
    try {
      out.push(...(await queryRange(spec, window, step)));
    } catch (error) {
      problems.push({ file: spec.prometheus ?? '(manifest)', line: null, message: (error as Error).message });
    }
  }
  return out;
}

/**
 * The few events logs and metrics contribute: new or bursting error templates, metric onsets, peaks,
 * recoveries. With no other evidence (`logsAlone`) nothing marks an incident window, so every error
 * and fatal template is listed instead, the most frequent first, with a note saying so.
 */
export function derivedEvents(
  templates: LogTemplate[],
  series: Series[],
  baselineEnd: number | null,
  zone: string,
  logsAlone = false,
): { events: RawEvent[]; notes: string[] } {
  const metrics = metricEvents(series, { baselineEnd, zone });
  if (logsAlone) {
    const overview = logOverview(templates, { zone });
    return { events: [...overview.events, ...metrics], notes: overview.note ? [overview.note] : [] };
  }
  return { events: [...logEvents(templates, { baselineEnd, zone }), ...metrics], notes: [] };
}
