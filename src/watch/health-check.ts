import { redactText } from '../redact/index.js';
import { excerpt } from './excerpt.js';

/** One health check as written to health-checks.jsonl. */
export interface HealthCheck {
  kind: 'health-check';
  ts: string;
  url: string;
  ok: boolean;
  status: number | null;
  latencyMs: number;
  excerpt: string;
  error: string | null;
}

export interface CheckOptions {
  timeoutMs: number;
  /** Bytes of the body read at most; the rest is never downloaded. */
  maxBodyBytes?: number;
  /** Stops the check at once (Ctrl-C). */
  signal?: AbortSignal;
}

/** Why a request failed, as one word: `timeout`, `ECONNREFUSED`, … */
function errorName(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'timeout';
  const e = error as Error & { cause?: { code?: string; message?: string }; code?: string };
  if (e?.name === 'AbortError') return 'aborted';
  return e?.cause?.code ?? e?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

/** Reads at most `max` bytes of a body, then stops the download. */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, max));
}

/**
 * Checks one URL once: ok when it answers 2xx within the timeout. Never throws: a timeout, a
 * refused connection or a broken body is a failed check with its error named.
 * @example await checkHealth('http://127.0.0.1:8080/health', { timeoutMs: 2000 })
 */
export async function checkHealth(
  url: string,
  { timeoutMs, maxBodyBytes = 4096, signal }: CheckOptions,
): Promise<HealthCheck> {
  const started = Date.now();
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = signal ? AbortSignal.any([timeout, signal]) : timeout;
  let status: number | null = null;
  let text = '';
  let error: string | null = null;
  try {
    const response = await fetch(url, {
      signal: both,
      redirect: 'manual',
      headers: { 'user-agent': 'hindsight-watch' },
    });
    status = response.status;
    text = await readCapped(response.body, maxBodyBytes);
  } catch (e) {
    error = errorName(e, timeout.aborted);
  }
  return {
    kind: 'health-check',
    ts: new Date(started).toISOString(),
    url: redactText(url),
    ok: error == null && status != null && status >= 200 && status < 300,
    status,
    latencyMs: Date.now() - started,
    excerpt: excerpt(text),
    error: error == null ? null : redactText(error).slice(0, 200),
  };
}
