export interface ValueScale {
  y(v: number): number;
  ticks: number[];
}

/** A round step giving about `count` ticks over the span (1, 2 or 5 times a power of ten). */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

/**
 * A linear value scale from `top` (high values) to `bottom`, extended to round ticks; zero is
 * included so a rise is never exaggerated.
 */
export function valueScale(
  values: number[],
  { top, bottom, count = 4 }: { top: number; bottom: number; count?: number },
): ValueScale {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const highest = Math.max(lo, ...finite);
  // A flat series still gets a readable axis.
  const hi = highest > lo ? highest : lo + (Math.abs(lo) || 1);
  const step = niceStep(hi - lo, count);
  const from = Math.floor(lo / step) * step;
  const to = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = from; v <= to + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { y: (v) => bottom - ((v - from) / (to - from)) * (bottom - top), ticks };
}

/** A value as people read it on an axis: 0.014, 1.5, 42, 1,250, 3.4M. */
export function formatValue(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 10 || a === 0) return String(Math.round(v * 10) / 10);
  return String(Number(v.toPrecision(2)));
}
