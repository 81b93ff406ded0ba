import type { Measure } from '../model/index.js';

const RULES: [RegExp, Measure][] = [
  [/(5xx|error|fail|fault|exception).*(_total|_count|count)$/i, 'errorCount'],
  [/5xx|error|fail|fault|exception|availability_loss/i, 'errorRate'],
  [/latency|duration|response_?time|_seconds|_ms$|p9[59]|p50/i, 'latencyMs'],
  [/requests?(_total)?|rps|qps|throughput|traffic|hits/i, 'requestRate'],
  [/cpu|memory|mem_|saturation|utili[sz]ation|queue|pool|connections|disk|load/i, 'saturation'],
];

/** The role of a series from its name and labels (`http_5xx_ratio` → errorRate). */
export function inferMeasure(name: string): Measure {
  for (const [pattern, measure] of RULES) if (pattern.test(name)) return measure;
  return 'other';
}

/** The role from the series' own name, else from a hint such as the file name or query key. */
export function inferMeasureFrom(name: string, hint: string): Measure {
  const own = inferMeasure(name);
  return own !== 'other' ? own : inferMeasure(hint);
}

/** Latency series named in seconds are converted to milliseconds, the unit the report uses. */
export function toMeasureUnit(measure: Measure, name: string): (value: number) => number {
  const seconds = measure === 'latencyMs' && /seconds|_s$|\(s\)/i.test(name) && !/_ms|millis/i.test(name);
  return seconds ? (v) => v * 1000 : (v) => v;
}

/** The service a series belongs to, from its labels, else the manifest's, else none. */
export function serviceFromLabels(labels: Record<string, string>, fallback: string | null): string | null {
  return labels.service ?? labels.app ?? labels.job ?? labels.service_name ?? fallback;
}
