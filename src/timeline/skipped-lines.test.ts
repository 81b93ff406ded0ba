import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../bundle/index.js';
import type { Problem } from '../model/index.js';
import { buildTimeline } from './build.js';
import { LISTED_NOTES, LISTED_PER_REASON, skippedLines } from './skipped-lines.js';

describe('skippedLines', () => {
  it('lists the first lines per reason and counts the rest in one entry', () => {
    const problems: Problem[] = [];
    const s = skippedLines('app.log', problems, 2);
    for (let line = 1; line <= 5; line++) s.skip(line, 'not a JSON line');
    s.skip(9, 'no readable time');
    s.close();
    expect(s.count).toBe(6);
    expect(problems).toEqual([
      { file: 'app.log', line: 1, message: 'not a JSON line' },
      { file: 'app.log', line: 2, message: 'not a JSON line' },
      { file: 'app.log', line: 9, message: 'no readable time' },
      { file: 'app.log', line: null, message: '3 more lines (lines 3–5) skipped: not a JSON line' },
    ]);
  });
});

describe('notes on lines that were read', () => {
  it('are listed and marked as notes but not counted as skipped, and past the listed ones counted in one entry', () => {
    const problems: Problem[] = [];
    const s = skippedLines('postmortem.md', problems);
    for (let line = 1; line <= LISTED_NOTES + 3; line++)
      s.note(line, `listed after a later entry (line ${line - 1})`);
    s.close();
    expect(s.count).toBe(0);
    expect(problems).toHaveLength(LISTED_NOTES + 1);
    expect(problems.at(-1)).toEqual({
      file: 'postmortem.md',
      line: null,
      message: '3 more notes on lines that were read',
      note: true,
    });
    expect(problems.every((p) => p.note)).toBe(true);
  });
});

describe('a log of many bad lines', () => {
  it('is counted in full but listed in a few problems', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hindsight-skipped-'));
    await writeFile(
      join(dir, 'incident.yaml'),
      'title: Bad lines\ndate: 2026-02-10\ntimezone: UTC\nservices: [checkout]\n',
    );
    const good = (i: number) =>
      JSON.stringify({ level: 30, time: 1770728400000 + i, msg: `request ${i} done` });
    const lines = Array.from({ length: 5000 }, (_, i) =>
      i % 10 === 9 ? '{"level":30,"time":17707284' : good(i),
    );
    await writeFile(join(dir, 'checkout.jsonl'), `${lines.join('\n')}\n`);
    const timeline = await buildTimeline(await openBundle([dir]));
    expect(timeline.linesSkipped).toBe(500);
    const mine = timeline.problems.filter((p) => p.file === 'checkout.jsonl');
    expect(mine).toHaveLength(LISTED_PER_REASON + 1);
    expect(mine.at(-1)?.message).toBe(
      `${500 - LISTED_PER_REASON} more lines (lines ${10 * LISTED_PER_REASON + 10}–5000) skipped: truncated or invalid JSON`,
    );
  });
});
