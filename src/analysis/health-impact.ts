import type { Event } from '../model/index.js';

export interface CheckImpact {
  /** Failed health checks recorded from impact start to recovery; null when no check was recorded there. */
  failedChecks: number | null;
  /** The entries those checks are folded in, for citing. */
  evidence: Event[];
}

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/**
 * The failed health checks of the impact window, counted from the runs a health-check log
 * records (each entry says how many of its checks failed); recorded checks that all passed give 0.
 */
export function checksInWindow(events: Event[], start: number | null, end: number | null): CheckImpact {
  const runs = events.filter(
    (e) =>
      e.kind === 'health' &&
      typeof e.attrs.checks === 'number' &&
      (start === null || e.ts >= start) &&
      (end === null || e.ts <= end),
  );
  if (!runs.length) return { failedChecks: null, evidence: [] };
  const failing = runs.filter((e) => count(e.attrs.failedChecks) > 0);
  return { failedChecks: failing.reduce((n, e) => n + count(e.attrs.failedChecks), 0), evidence: failing };
}

const clock = (ts: number) => new Date(ts).toISOString().slice(11, 19);

/** The statement of the failed checks, citing the runs they are recorded in. */
export function checkClaim(
  c: CheckImpact,
): { statement: string; evidenceRefs: string[]; confidence: number } | null {
  if (!c.failedChecks || !c.evidence.length) return null;
  const first = c.evidence[0];
  const last = c.evidence[c.evidence.length - 1];
  const until = typeof last.attrs.last === 'string' ? Date.parse(last.attrs.last) : last.ts;
  const urls = [...new Set(c.evidence.map((e) => String(e.attrs.url ?? '')).filter(Boolean))];
  return {
    statement: `${c.failedChecks} health check${c.failedChecks === 1 ? '' : 's'} of ${urls.join(', ')} failed during the impact, from ${clock(first.ts)} to ${clock(until)} UTC: ${c.evidence.map((e) => e.ref).join(', ')}.`,
    evidenceRefs: c.evidence.map((e) => e.ref),
    confidence: 0.9,
  };
}
