const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STEPS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
];

/** The smallest round step whose ticks stay `minSpacing` pixels apart. */
export function tickStep(pxPerMs: number, minSpacing = 64): number {
  return STEPS.find((s) => s * pxPerMs >= minSpacing) ?? STEPS[STEPS.length - 1];
}

/** Round UTC times from `from` to `to` every `step` ms (steps divide a UTC day, so ticks align). */
export function timeTicks(from: number, to: number, step: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
