import type { Command } from 'commander';
import type { LibraryStats } from '../../library/index.js';
import { formatDuration } from '../../lint/index.js';
import { readingLibrary, withDbOption } from './db-option.js';
import { parseDay } from './search.js';

export interface StatsCommandOptions {
  db?: string;
  json?: boolean;
  /** The day follow-ups are judged overdue against (YYYY-MM-DD); today by default. */
  today?: string;
}

const KEY_WIDTH = 40;
const clipKey = (key: string) => (key.length > KEY_WIDTH ? `${key.slice(0, KEY_WIDTH - 1)}…` : key);
const time = (seconds: number | null) => (seconds == null ? '-' : formatDuration(seconds));

function table(
  rows: {
    key: string;
    count: number;
    medianDetectSeconds: number | null;
    medianAcknowledgeSeconds: number | null;
    medianMitigateSeconds: number | null;
  }[],
): string[] {
  const width = Math.max(8, ...rows.map((r) => clipKey(r.key).length));
  return [
    `${''.padEnd(width)}  count  detect     ack        mitigate`,
    ...rows.map(
      (r) =>
        `${clipKey(r.key).padEnd(width)}  ${String(r.count).padStart(5)}  ${time(r.medianDetectSeconds).padEnd(9)}  ${time(r.medianAcknowledgeSeconds).padEnd(9)}  ${time(r.medianMitigateSeconds)}`,
    ),
  ];
}

export function formatStats(stats: LibraryStats): string {
  return [
    `${stats.total} incidents (median time to detect, acknowledge, mitigate)`,
    '',
    'per service',
    ...table(stats.byService.map((s) => ({ key: s.service, ...s }))),
    '',
    'per month',
    ...table(stats.byMonth.map((m) => ({ key: m.month, ...m }))),
    '',
    'recurring causes',
    ...(stats.recurringCauses.length
      ? stats.recurringCauses.map((c) => `  ${c.cause}: ${c.count} incidents`)
      : ['  none']),
    '',
    'follow-ups open past due',
    ...(stats.overdueFollowUps.length
      ? stats.overdueFollowUps.map(
          (f) => `  ${f.due}  ${f.incident}  ${f.action}${f.owner ? ` (${f.owner})` : ''}`,
        )
      : ['  none']),
    '',
  ].join('\n');
}

export async function runStats({ db, json = false, today }: StatsCommandOptions = {}): Promise<string> {
  const stats = await readingLibrary(db, (store) => store.stats({ today }));
  return json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats);
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('stats')
      .description(
        'incidents per service and month: counts, median detect/ack/mitigate, recurring causes, overdue follow-ups',
      )
      .option('--json', 'print the statistics as JSON')
      .option('--today <date>', 'judge follow-ups overdue as of this date (YYYY-MM-DD)', parseDay('--today')),
  ).action(async (opts: StatsCommandOptions) => {
    process.stdout.write(await runStats(opts));
  });
}
