import type { Series } from '../../src/model/index.js';

const T0 = Date.parse('2026-02-10T13:00:00Z');
/** Epoch ms `minute` minutes after 13:00 UTC on the test day. */
export const at = (minute: number) => T0 + minute * 60_000;

/** Two hours of one-minute points: a wobbling baseline, an episode from minute 64 to 101. */
export function errorRatio({ from = 64, to = 101, peak = 0.15 } = {}): Series {
  const points: [number, number][] = [];
  for (let m = 0; m < 120; m++) {
    const base = 0.002 + (m % 3) * 0.0002;
    points.push([at(m), m >= from && m <= to ? (m === 80 ? peak : 0.12) : base]);
  }
  return {
    name: 'checkout_5xx_ratio',
    measure: 'errorRate',
    service: 'checkout',
    labels: {},
    points,
    source: { file: 'metrics/errors.json', line: null },
  };
}
