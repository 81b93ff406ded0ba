import { InputError } from '../errors.js';
import { Measure, type Series, type SourceSpec } from '../model/index.js';
import { matrixToSeries } from './matrix-series.js';
import { windowSeconds } from './slo-window.js';

export interface QueryRangeOptions {
  /** Added before and after the window, so the baseline before the incident is in the data. */
  marginSeconds?: number;
  /** Prometheus refuses more than 11,000 points per series; stay well under. */
  maxPoints?: number;
  timeoutMs?: number;
}

const stepOf = (step: SourceSpec['step']) =>
  typeof step === 'number'
    ? step
    : typeof step === 'string'
      ? (windowSeconds(step) ?? Number(step))
      : Number.NaN;

/**
 * Runs each of the spec's `queries` (key = measure, e.g. `errorRate`) through Prometheus's
 * `/api/v1/query_range` over the window plus margin; returns one Series per result series.
 * Unreachable servers and failed queries throw an InputError naming the URL and query.
 * @example await queryRange({ prometheus: 'http://127.0.0.1:9090', queries: { errorRate: 'sum(rate(…))' } }, { start, end })
 */
export async function queryRange(
  spec: SourceSpec,
  window: { start: number; end: number },
  stepSeconds?: number,
  { marginSeconds = 1800, maxPoints = 2000, timeoutMs = 15_000 }: QueryRangeOptions = {},
): Promise<Series[]> {
  if (!spec.prometheus)
    throw new InputError(
      'PROMETHEUS_URL',
      '(manifest)',
      "a sources[] entry with 'queries' needs 'prometheus: <url>'",
    );
  const base = spec.prometheus.replace(/\/+$/, '');
  const start = Math.floor(window.start / 1000) - marginSeconds;
  const end = Math.ceil(window.end / 1000) + marginSeconds;
  const given = stepSeconds ?? stepOf(spec.step);
  const step =
    Number.isFinite(given) && given > 0 ? given : Math.max(15, Math.ceil((end - start) / maxPoints));
  const series: Series[] = [];
  for (const [key, query] of Object.entries(spec.queries ?? {})) {
    const url = `${base}/api/v1/query_range?${new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) })}`;
    let body: { status?: string; error?: string; data?: { resultType?: string; result?: [] } };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new InputError(
        'PROMETHEUS_UNREACHABLE',
        base,
        `cannot query Prometheus: ${(error as Error).message}; is it running and is the URL right?`,
      );
    }
    if (body.status !== 'success' || body.data?.resultType !== 'matrix') {
      throw new InputError(
        'PROMETHEUS_QUERY',
        base,
        `query '${key}' failed: ${body.error ?? `unexpected ${body.data?.resultType}`}`,
      );
    }
    const measure = Measure.safeParse(key);
    series.push(
      ...matrixToSeries(body.data.result ?? [], {
        nameHint: key,
        measure: measure.success ? measure.data : spec.measure,
        service: spec.service ?? null,
        source: { file: `${base} ${key}`, line: null },
      }),
    );
  }
  return series;
}
