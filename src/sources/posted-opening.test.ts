import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../model/index.js';
import { postedAt, postedOpening } from './posted-opening.js';

const linesOf = (text: string) => text.split('\n').map((t, i) => ({ text: t, number: i + 1 }));
const entry = (iso: string, line: number): RawEvent => ({
  ts: Date.parse(iso),
  summary: 'update',
  details: [],
  attrs: {},
  source: { file: 'post.md', line },
});
const post = (date: string) =>
  linesOf(
    `---\ntitle: "Issues with the task execution"\ndate: "${date}"\n---\n\nWe are experiencing issues with the execution of the tasks.\nWe are investigating the cause.\n\nUpdates:\n\n- Tue Oct 11 12:24:02 UTC: We are slowly going through the queue.`,
  );

describe("a status post's opening notice", () => {
  it('is an entry at the time the front matter dates the post, YAML or TOML, telling of the problem, its detection and declaration', () => {
    const opening = postedOpening(
      post('2022-10-11T13:57+02:00'),
      [entry('2022-10-11T12:24:02Z', 11)],
      'UTC',
      'post.md',
      'g',
    );
    expect(opening?.ts).toBe(Date.parse('2022-10-11T11:57:00Z'));
    expect(opening?.source.line).toBe(6);
    expect(opening?.summary).toBe(
      'We are experiencing issues with the execution of the tasks. We are investigating the cause.',
    );
    expect(opening?.signals).toEqual(['symptom', 'detect', 'declare']);
    const toml = linesOf(
      '+++\ntitle = "Corrupt Raster Mosaics"\ndate = 2018-07-31T14:08:53.000Z\n+++\nThree mosaics are corrupted.',
    );
    expect(postedAt(toml, 'UTC')).toEqual({ ms: Date.parse('2018-07-31T14:08:53Z'), zoned: true });
  });

  it('is no entry when the post is dated after its timeline (a postmortem published later), long before it, or only to a day', () => {
    const updates = [entry('2022-10-11T12:24:02Z', 11)];
    expect(postedOpening(post('2022-10-14T09:00:00Z'), updates, 'UTC', 'post.md', 'g')).toBeNull();
    expect(postedOpening(post('2022-10-01T09:00:00Z'), updates, 'UTC', 'post.md', 'g')).toBeNull();
    expect(postedOpening(post('2022-10-11T00:00:00Z'), updates, 'UTC', 'post.md', 'g')).toBeNull();
    expect(postedOpening(post('2022-10-11'), updates, 'UTC', 'post.md', 'g')).toBeNull();
    expect(postedOpening(post('2022-10-11T09:00:00Z'), [], 'UTC', 'post.md', 'g')).toBeNull();
  });

  it('is not read twice, nor from a heading or a table', () => {
    const lines = post('2022-10-11T11:00:00Z');
    expect(postedOpening(lines, [entry('2022-10-11T12:24:02Z', 6)], 'UTC', 'post.md', 'g')).toBeNull();
    const headed = linesOf('---\ndate: 2022-10-11T11:00:00Z\n---\n## Timeline\n| Time | Event |');
    expect(postedOpening(headed, [entry('2022-10-11T12:24:02Z', 5)], 'UTC', 'post.md', 'g')).toBeNull();
  });
});
