import { describe, expect, it } from 'vitest';
import type { LogTemplate } from '../model/index.js';
import { logEvents } from './log-events.js';

const T0 = Date.parse('2026-02-10T13:00:00Z');
const minute = (m: number) => T0 + m * 60_000;

/** A template seen `perMinute[i]` times in minute `from + i`. */
function template(text: string, level: LogTemplate['level'], from: number, perMinute: number[]): LogTemplate {
  const counts = perMinute.map((n, i) => [minute(from + i), n] as [number, number]).filter(([, n]) => n > 0);
  return {
    service: 'checkout',
    template: text,
    level,
    count: counts.reduce((s, [, n]) => s + n, 0),
    firstSeen: counts[0][0] + 5_000,
    lastSeen: counts[counts.length - 1][0] + 2_000,
    perMinute: counts,
    example: `${text} (example)`,
    source: { file: 'logs/checkout.jsonl', line: 1200 },
    offset: 4242,
  };
}

const baselineEnd = minute(64);
const noise = template('GET <*> served in <*> ms', 'info', 0, Array(120).fill(100));
const steadyWarn = template('retrying <*>', 'warn', 0, Array(120).fill(3));
const newError = template('Connection pool exhausted after <*> ms', 'error', 64, Array(37).fill(1030));
const burst = template('upstream timeout on <*>', 'error', 0, [
  ...Array(64).fill(2),
  ...Array(10).fill(40),
  ...Array(46).fill(2),
]);

describe('logEvents', () => {
  const events = logEvents([noise, steadyWarn, newError, burst], { baselineEnd });

  it('reports a new error template with its count, span and example place', () => {
    const first = events.find((e) => e.attrs?.phase === 'first-seen')!;
    expect(first).toMatchObject({
      ts: newError.firstSeen,
      kind: 'log',
      service: 'checkout',
      source: newError.source,
    });
    expect(first.attrs).toMatchObject({
      new: true,
      level: 'error',
      count: 38_110,
      template: newError.template,
      example: newError.example,
    });
    expect(first.summary).toBe(
      'New error log template in checkout: "Connection pool exhausted after <*> ms" — 38,110 times 14:04:05–14:40:02',
    );
    expect(
      events.find((e) => e.attrs?.phase === 'last-seen' && e.attrs?.template === newError.template)?.ts,
    ).toBe(newError.lastSeen);
  });

  it('reports a burst of a known error template above its own baseline', () => {
    const found = events.find((e) => e.attrs?.phase === 'burst')!;
    expect(found.attrs).toMatchObject({ template: burst.template, new: false, count: 400 });
    expect(found.ts).toBe(minute(64));
  });

  it('ignores info noise and steady warnings', () => {
    expect(events.map((e) => e.attrs?.template)).not.toContain(noise.template);
    expect(events.map((e) => e.attrs?.template)).not.toContain(steadyWarn.template);
    expect(events).toHaveLength(4);
  });

  it('without a baseline end, judges novelty against the first part of the log', () => {
    const own = logEvents([noise, newError], { baselineEnd: null });
    expect(own.find((e) => e.attrs?.phase === 'first-seen')?.attrs?.new).toBe(true);
  });

  it('does not call a template new when it was there before the change', () => {
    const early = logEvents([newError], { baselineEnd: minute(30) });
    expect(early).toHaveLength(0);
  });
});
