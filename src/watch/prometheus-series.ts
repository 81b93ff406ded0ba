/** One series as Prometheus returns it in a `query_range` matrix. */
interface MatrixSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

export type QueryAnswer =
  | { ok: true; result: Array<{ metric: Record<string, string>; value: [number, string] }> }
  | { ok: false; error: string };

/**
 * Asks Prometheus for a query's value now (`/api/v1/query`). Never throws: a server that is down,
 * slow or answers something else is `{ ok: false, error }`.
 * @example await queryNow('http://127.0.0.1:9090', 'sum(rate(http_requests_total[1m]))', { timeoutMs: 2000 })
 */
export async function queryNow(
  base: string,
  query: string,
  { timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal },
): Promise<QueryAnswer> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const url = `${base.replace(/\/+$/, '')}/api/v1/query?${new URLSearchParams({ query })}`;
  try {
    const response = await fetch(url, { signal: signal ? AbortSignal.any([timeout, signal]) : timeout });
    const body = (await response.json()) as {
      status?: string;
      error?: string;
      data?: { resultType?: string; result?: unknown };
    };
    if (body.status !== 'success')
      return { ok: false, error: String(body.error ?? `HTTP ${response.status}`) };
    if (body.data?.resultType !== 'vector' || !Array.isArray(body.data.result))
      return { ok: false, error: `expected a vector, got ${String(body.data?.resultType)}` };
    return { ok: true, result: body.data.result as Extract<QueryAnswer, { ok: true }>['result'] };
  } catch (error) {
    if (timeout.aborted) return { ok: false, error: 'timeout' };
    const e = error as Error & { cause?: { code?: string } };
    return { ok: false, error: e.cause?.code ?? e.message };
  }
}

/** The values of one query gathered over the watch, written as a `query_range` response. */
export class SeriesRecording {
  private readonly series = new Map<string, MatrixSeries>();

  add(result: Extract<QueryAnswer, { ok: true }>['result']): void {
    for (const { metric, value } of result) {
      const key = JSON.stringify(Object.entries(metric).sort());
      const s = this.series.get(key) ?? { metric, values: [] };
      this.series.set(key, s);
      const last = s.values[s.values.length - 1];
      // Prometheus answers with its own evaluation time: the same instant twice is one point.
      if (!last || last[0] < value[0]) s.values.push(value);
    }
  }

  /** The largest value of the last answer, as the failure rule reads an error rate. */
  static worst(result: Extract<QueryAnswer, { ok: true }>['result']): number | null {
    const values = result.map((r) => Number(r.value[1])).filter((v) => Number.isFinite(v));
    return values.length ? Math.max(...values) : null;
  }

  toJson(): string {
    return `${JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [...this.series.values()] } })}\n`;
  }
}
