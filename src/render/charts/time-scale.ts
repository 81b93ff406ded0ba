/** A stretch of time drawn to scale between two x positions. */
export interface TimeSegment {
  from: number;
  to: number;
  x0: number;
  x1: number;
}

export interface TimeScale {
  /** The x position of a time; a time inside a break maps to the break's middle. */
  x(t: number): number;
  segments: TimeSegment[];
}

export interface TimeScaleOptions {
  left: number;
  right: number;
  /** Pixels given to each break in the axis. */
  breakWidth?: number;
  /** A gap is cut out only when it is at least this long… */
  minBreakMs?: number;
  /** …and longer than this share of the time still drawn to scale. */
  breakShare?: number;
}

/** The gaps to cut: an unrelated change hours before the incident must not squeeze it into a corner. */
function breaksIn(sorted: number[], minBreakMs: number, breakShare: number): Set<number> {
  const gaps = sorted.slice(1).map((t, i) => ({ i, ms: t - sorted[i] }));
  gaps.sort((a, b) => b.ms - a.ms);
  const cut = new Set<number>();
  let drawn = sorted[sorted.length - 1] - sorted[0];
  for (const gap of gaps.slice(0, 3)) {
    if (gap.ms < minBreakMs || gap.ms < breakShare * drawn) break;
    cut.add(gap.i);
    drawn -= gap.ms;
  }
  return cut;
}

/**
 * A linear time scale over `times`, with long empty gaps cut out of the axis.
 * @example timeScale([t0, t1], { left: 100, right: 900 }).x(t0) // 100 plus padding
 */
export function timeScale(
  times: number[],
  { left, right, breakWidth = 28, minBreakMs = 2 * 60 * 60_000, breakShare = 0.5 }: TimeScaleOptions,
): TimeScale {
  const sorted = [...new Set(times.filter(Number.isFinite))].sort((a, b) => a - b);
  if (!sorted.length) sorted.push(0);
  const cut = breaksIn(sorted, minBreakMs, breakShare);
  const clusters: [number, number][] = [[sorted[0], sorted[0]]];
  sorted.forEach((t, i) => {
    if (i === 0) return;
    if (cut.has(i - 1)) clusters.push([t, t]);
    else clusters[clusters.length - 1][1] = t;
  });
  const drawn = clusters.reduce((sum, [a, b]) => sum + (b - a), 0);
  const pad = Math.max(drawn * 0.03, 60_000);
  const spans = clusters.map(([a, b]): [number, number] => [a - pad, b + pad]);
  const total = spans.reduce((sum, [a, b]) => sum + (b - a), 0);
  const perMs = (right - left - cut.size * breakWidth) / total;
  const segments: TimeSegment[] = [];
  let x = left;
  for (const [from, to] of spans) {
    const x1 = x + (to - from) * perMs;
    segments.push({ from, to, x0: x, x1 });
    x = x1 + breakWidth;
  }
  const at = (t: number): number => {
    const i = segments.findIndex((s) => t <= s.to);
    if (i === -1) return segments[segments.length - 1].x1;
    const s = segments[i];
    if (t >= s.from) return s.x0 + (t - s.from) * perMs;
    return i === 0 ? s.x0 : s.x0 - breakWidth / 2;
  };
  return { x: at, segments };
}
