import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hindsight = (...args: string[]) =>
  spawnSync('node', [join(root, 'bin/hindsight.js'), ...args], { cwd: root, encoding: 'utf8' });

/** One line every five seconds from 10:00 UTC: INFO noise, a steady error, a rarer one, two fatals near the end. */
function lines(): { level: 'INFO' | 'ERROR' | 'FATAL'; at: string; msg: string }[] {
  const out: { level: 'INFO' | 'ERROR' | 'FATAL'; at: string; msg: string }[] = [];
  for (let i = 0; i < 600; i++) {
    const at = new Date(Date.parse('2026-03-01T10:00:00Z') + i * 5_000).toISOString().replace('.000', '');
    out.push({ level: 'INFO', at, msg: `request handled path=/api/${i % 7} ms=${i % 50}` });
    if (i % 10 === 3) out.push({ level: 'ERROR', at, msg: `connection refused to db-${i % 3}:5432` });
    if (i % 40 === 7) out.push({ level: 'ERROR', at, msg: `timeout after ${i} ms calling payments` });
    if (i === 500 || i === 550) out.push({ level: 'FATAL', at, msg: `out of memory in worker ${i}` });
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'hindsight-log-alone-'));
const plain = join(dir, 'app.log');
const pino = join(dir, 'app.jsonl');
writeFileSync(
  plain,
  `${lines()
    .map((l) => `${l.at} ${l.level} ${l.msg}`)
    .join('\n')}\n`,
);
const pinoLevel = { INFO: 30, ERROR: 50, FATAL: 60 };
writeFileSync(
  pino,
  `${lines()
    .map((l) => JSON.stringify({ level: pinoLevel[l.level], time: l.at, pid: 7, msg: l.msg }))
    .join('\n')}\n`,
);

describe.each([
  ['a plain-text log', plain],
  ['a pino JSON-lines log', pino],
])('timeline of %s on its own', (_, file) => {
  const run = hindsight('timeline', file, '--json');
  const { timeline, dataQuality } = JSON.parse(run.stdout);

  it('lists every error and fatal template with its count, first and last seen, most frequent first', () => {
    expect(run.status).toBe(0);
    const byRank = [...timeline].sort((a, b) => a.attrs.rank - b.attrs.rank);
    expect(byRank.map((e: { attrs: Record<string, unknown> }) => e.attrs)).toMatchObject([
      {
        level: 'error',
        count: 60,
        firstSeen: '2026-03-01T10:00:15.000Z',
        lastSeen: '2026-03-01T10:49:25.000Z',
      },
      {
        level: 'error',
        count: 15,
        firstSeen: '2026-03-01T10:00:35.000Z',
        lastSeen: '2026-03-01T10:47:15.000Z',
      },
      {
        level: 'fatal',
        count: 2,
        firstSeen: '2026-03-01T10:41:40.000Z',
        lastSeen: '2026-03-01T10:45:50.000Z',
      },
    ]);
    expect(byRank[0].attrs.template).toMatch(/^connection refused to /);
    expect(byRank[1].attrs.template).toMatch(/^timeout after <\*> ms calling payments$/);
    expect(byRank[2].attrs.template).toMatch(/^out of memory in worker <\*>$/);
  });

  it('keeps the timeline in time order and says in a note how the templates were chosen', () => {
    expect(timeline.map((e: { ts: string }) => e.ts)).toEqual([
      '2026-03-01T10:00:15.000Z',
      '2026-03-01T10:00:35.000Z',
      '2026-03-01T10:41:40.000Z',
    ]);
    const note = dataQuality.notes.find((n: string) => n.startsWith('The evidence holds only logs'));
    expect(note).toMatch(
      /most frequent first: #1 "connection refused to [^"]+" \(error, 60\); #2 .+ \(error, 15\); #3 .+ \(fatal, 2\)\.$/,
    );
  });
});

describe('timeline text of a log on its own', () => {
  it('shows each error template with its rank, count and span instead of an empty timeline', () => {
    const run = hindsight('timeline', plain);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'Error log template in app (#2 by count): "timeout after <*> ms calling payments" — 15 times, first seen 10:00:35, last seen 10:47:15',
    );
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
  });
});

const apache = join(root, '../shared/corpora/loghub/Apache/Apache_2k.log');
describe('timeline of a real Apache error log on its own', () => {
  it.skipIf(!existsSync(apache))(
    'accounts for every [error] line, most frequent template first (needs ../shared/corpora/loghub)',
    () => {
      const errors = readFileSync(apache, 'utf8')
        .split('\n')
        .filter((line) => line.includes('] [error] ')).length;
      const run = hindsight('timeline', apache, '--json');
      expect(run.status).toBe(0);
      const counts = JSON.parse(run.stdout)
        .timeline.sort(
          (a: { attrs: { rank: number } }, b: { attrs: { rank: number } }) => a.attrs.rank - b.attrs.rank,
        )
        .map((e: { attrs: { count: number } }) => e.attrs.count);
      expect(counts.reduce((sum: number, n: number) => sum + n, 0)).toBe(errors);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    },
  );
});

describe('timeline of a log with metrics beside it', () => {
  it('keeps judging templates against the quiet period, with no overview', () => {
    const metrics = join(root, 'examples/checkout-logs-metrics/metrics/checkout-errors.json');
    const run = hindsight('timeline', plain, metrics, '--json');
    expect(run.status).toBe(0);
    const { timeline, dataQuality } = JSON.parse(run.stdout);
    const logs = timeline.filter((e: { kind: string }) => e.kind === 'log');
    expect(logs.map((e: { attrs: { phase: string } }) => e.attrs.phase)).toEqual(['first-seen', 'last-seen']);
    expect(logs[0].attrs.template).toBe('out of memory in worker <*>');
    expect(dataQuality.notes.some((n: string) => n.startsWith('The evidence holds only logs'))).toBe(false);
  });
});
