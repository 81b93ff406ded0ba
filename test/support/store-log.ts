import { miner, templateTable } from '../../src/logs/index.js';
import type { Level } from '../../src/logs/level.js';
import type { LogTemplate } from '../../src/model/index.js';
import type { StoreGroup } from '../../src/stores/store.js';

export interface StoreLogLine {
  ms: number;
  service: string;
  level: Level;
  message: string;
}

/**
 * A deterministic hour of checkout and payments logs around 14:05 UTC: steady info traffic, a
 * burst of gateway timeouts and a new pool-exhausted error from 14:05 to 14:20, some lines sharing
 * a millisecond (so that pages end in the middle of an instant).
 */
export function checkoutHour({
  from = Date.parse('2026-02-10T13:30:00Z'),
  minutes = 60,
} = {}): StoreLogLine[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const lines: StoreLogLine[] = [];
  const incident = from + 35 * 60_000;
  for (let m = 0; m < minutes; m++) {
    const minute = from + m * 60_000;
    const hot = minute >= incident && minute < incident + 15 * 60_000;
    for (let i = 0; i < 30; i++) {
      const ms = minute + (next() % 60_000);
      const path = ['/cart', '/checkout', '/items'][next() % 3];
      lines.push({ ms, service: 'checkout', level: 'info', message: `GET ${path} 200 in ${next() % 90} ms` });
      if (i % 10 === 0)
        lines.push({
          ms,
          service: 'payments',
          level: 'info',
          message: `charge ch_${next() % 100000} captured for order=ord-${next() % 9999}`,
        });
    }
    if (m % 20 === 3)
      lines.push({
        ms: minute + 7,
        service: 'payments',
        level: 'warn',
        message: `retrying charge after ${next() % 5} attempts`,
      });
    if (hot) {
      for (let i = 0; i < 25; i++) {
        const ms = minute + (next() % 60_000);
        lines.push({
          ms,
          service: 'checkout',
          level: 'error',
          message: `payment gateway timeout after 3000 ms order=ord-${next() % 9999}`,
        });
        // The same instant twice: a page may end between them.
        lines.push({
          ms,
          service: 'payments',
          level: 'error',
          message: `connection pool exhausted (active=50, idle=0) waited ${next() % 500} ms`,
        });
      }
    }
  }
  return lines.sort((a, b) => a.ms - b.ms);
}

/** The lines as a JSON Lines log file, as an exporter would write them. */
export const asJsonLines = (lines: StoreLogLine[]) =>
  `${lines.map((l) => JSON.stringify({ time: new Date(l.ms).toISOString(), level: l.level, service: l.service, msg: l.message })).join('\n')}\n`;

/**
 * Mines store groups the way the log miner mines a file: one miner per service and level, each
 * group's example mined once and its per-minute counts added to its template.
 */
export function mineGroups(groups: StoreGroup[], file = 'store'): LogTemplate[] {
  const states = new Map<
    string,
    { service: string; miner: ReturnType<typeof miner>; table: ReturnType<typeof templateTable> }
  >();
  for (const g of groups) {
    const level = (g.level ?? 'unknown') as Level;
    const key = `${g.service}\u0000${level}`;
    let state = states.get(key);
    if (!state) {
      state = { service: g.service, miner: miner(), table: templateTable() };
      states.set(key, state);
    }
    const id = state.miner.add(g.example);
    // Each line at its minute's start (the first minute's at the group's first time), the last at its last.
    const first = g.first ?? g.minutes[0]?.minute;
    const times = g.minutes.flatMap(({ minute, count }) =>
      Array.from({ length: count }, () => (minute === Math.floor(first / 60_000) * 60_000 ? first : minute)),
    );
    if (g.last !== undefined && times.length > 1) times[times.length - 1] = g.last;
    for (const ts of times) if (state.table.add(id, ts, level, 0, 0)) state.table.keepExample(id, g.example);
  }
  return [...states.values()].flatMap((s) => s.table.toTemplates(s.service, file, s.miner.template));
}

/** Templates reduced to what store and file mining must agree on: all but the example and its place. */
export const comparable = (templates: LogTemplate[]) =>
  templates
    .map((t) => ({
      service: t.service,
      level: t.level,
      template: t.template,
      count: t.count,
      firstSeen: t.firstSeen,
      lastSeen: t.lastSeen,
      perMinute: t.perMinute,
    }))
    .sort((a, b) =>
      `${a.service} ${a.level} ${a.template}`.localeCompare(`${b.service} ${b.level} ${b.template}`),
    );
