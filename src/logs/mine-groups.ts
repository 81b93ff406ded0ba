import type { LogTemplate } from '../model/index.js';
import { type Level, levelFromValue } from './level.js';
import { type Miner, type MinerOptions, miner } from './miner.js';

/** Lines a log store counted together: one service and level, one example, counts per minute. */
export interface CountedLines {
  service: string;
  level: string | null;
  example: string;
  minutes: Array<{ minute: number; count: number }>;
  first?: number;
  last?: number;
  /** The example's line in its file, when the lines came from one (a saved query result). */
  line?: number;
}

export interface MineGroupsOptions {
  miner?: MinerOptions;
  /** Where the templates say they come from (the store's name). */
  file: string;
  /** Characters of the example kept per template. */
  exampleChars?: number;
}

const MINUTE_MS = 60_000;

interface Tally {
  miner: Miner;
  id: number;
  service: string;
  level: Level;
  count: number;
  first: number;
  last: number;
  example: string;
  line: number | null;
  perMinute: Map<number, number>;
}

const firstOf = (g: CountedLines) => g.first ?? Math.min(...g.minutes.map((m) => m.minute));
const lastOf = (g: CountedLines) => g.last ?? Math.max(...g.minutes.map((m) => m.minute + MINUTE_MS - 1));

/**
 * Mines the examples of groups of lines as a log file's lines are mined: one miner per service and
 * level, examples added in the order of their group's first line (the order a file sorted by time
 * shows them in), and each group's counts added to the template its example joins. When no group
 * merges lines the masker would tell apart, the templates, counts and first and last times are
 * those of mining every line.
 * @example mineGroups([{ service: 'api', level: 'error', example: 'took 5 ms', minutes: [{ minute: 0, count: 3 }] }], { file: 'clickhouse' })
 */
export function mineGroups(
  groups: CountedLines[],
  { miner: minerOptions = {}, file, exampleChars = 2000 }: MineGroupsOptions,
): LogTemplate[] {
  const ordered = groups
    .filter((g) => g.minutes.some((m) => m.count > 0))
    .map((g) => ({ group: g, first: firstOf(g) }))
    .sort((a, b) => a.first - b.first || (a.group.example < b.group.example ? -1 : 1));
  const miners = new Map<string, Miner>();
  const tallies = new Map<string, Tally>();
  for (const { group, first } of ordered) {
    const level = levelFromValue(group.level) ?? 'unknown';
    const key = `${group.service}\u0000${level}`;
    let mine = miners.get(key);
    if (!mine) {
      mine = miner(minerOptions);
      miners.set(key, mine);
    }
    const id = mine.add(group.example);
    const at = `${key}\u0000${id}`;
    let tally = tallies.get(at);
    if (!tally) {
      const example =
        group.example.length > exampleChars ? group.example.slice(0, exampleChars) : group.example;
      tally = {
        miner: mine,
        id,
        service: group.service,
        level,
        count: 0,
        first,
        last: -Infinity,
        example,
        line: group.line ?? null,
        perMinute: new Map(),
      };
      tallies.set(at, tally);
    }
    for (const { minute, count } of group.minutes) {
      tally.count += count;
      tally.perMinute.set(minute, (tally.perMinute.get(minute) ?? 0) + count);
    }
    tally.last = Math.max(tally.last, lastOf(group));
  }
  const templates: LogTemplate[] = [];
  for (const t of tallies.values()) {
    templates.push({
      service: t.service,
      template: t.miner.template(t.id),
      level: t.level,
      count: t.count,
      firstSeen: t.first,
      lastSeen: t.last,
      perMinute: [...t.perMinute].sort((a, b) => a[0] - b[0]),
      example: t.example,
      source: { file, line: t.line },
      offset: null,
    });
  }
  return templates;
}
