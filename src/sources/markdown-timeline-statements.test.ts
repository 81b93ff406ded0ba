import { describe, expect, it } from 'vitest';
import { markdownTimeline } from './markdown-timeline.js';
import { recordingContext } from './recording-context.js';
import { fixture, open, openText } from './test-kit.js';

async function statementsRead(input: Awaited<ReturnType<typeof open>>) {
  const { ctx, statements } = recordingContext(input.name);
  for await (const _ of markdownTimeline.read(input, ctx));
  return statements;
}

describe('markdown timeline source: what a document states outside its timeline', () => {
  it('hands over the Stats figures and causal sentences of a dfds postmortem with their lines', async () => {
    const input = await open(
      fixture(
        'postmortem-collections/dfds__postmortems/PM2021-005 - All services returning 503 in Kubernetes.md',
      ),
    );
    const statements = await statementsRead(input);
    expect(statements.filter((s) => s.kind === 'duration').map((s) => [s.text, s.source.line])).toEqual([
      ['Time to detection: 8 minutes', 48],
      ['Time to recovery: 25 minutes', 49],
    ]);
    expect(statements.find((s) => s.kind === 'cause')?.source).toEqual({ file: input.name, line: 5 });
  });

  it('marks a window the Impact section states as the impact’s (opencollective 2021-08-06)', async () => {
    const input = await open(
      fixture('postmortem-collections/opencollective__opencollective/2021-08-06-member-invitation-leak.md'),
    );
    const windows = (await statementsRead(input)).filter((s) => s.kind === 'window');
    expect(windows.map((w) => [w.source.line, new Date(w.start).toISOString(), w.impact])).toEqual([
      [25, '2021-08-05T12:24:00.000Z', true],
    ]);
  });

  it('hands over the windows the Summary and Impact state, dated as the timeline is (Rust blog 2023-07-21)', async () => {
    const input = await open(
      fixture('postmortem-collections/rust-lang__blog.rust-lang.org/2023-07-21-crates-io-postmortem.md'),
    );
    const windows = (await statementsRead(input)).filter((s) => s.kind === 'window');
    expect(
      windows.map((w) => [new Date(w.start).toISOString(), new Date(w.end).toISOString(), w.source.line]),
    ).toEqual([
      ['2023-07-20T12:17:00.000Z', '2023-07-20T12:30:00.000Z', 12],
      ['2023-07-20T12:17:00.000Z', '2023-07-20T12:30:00.000Z', 36],
    ]);
  });

  it('puts a window whose sentence names no day on the timeline’s day where its entries stand a day apart', async () => {
    // chipi/podcast_scraper 2026-08-04: an evening's outage in a document dated the next morning.
    const text = [
      '# Box hung',
      '',
      'Date: 2026-08-04',
      '',
      '## Summary',
      '',
      'The batch exhausted memory, and by ~23:50–00:20 UTC the box was hung and unreachable.',
      '',
      '## Timeline',
      '',
      '| Time (UTC) | Event |',
      '| --- | --- |',
      '| 23:35 | memory cliff: free memory drops to 1 GB |',
      '| ~23:50 | node_exporter stops reporting |',
      '| **00:20 (08-04)** | tailscaled dies and the box drops off the tailnet |',
    ].join('\n');
    const windows = (await statementsRead(await openText(text, 'postmortem.md'))).filter(
      (s) => s.kind === 'window',
    );
    expect(windows.map((w) => [new Date(w.start).toISOString(), new Date(w.end).toISOString()])).toEqual([
      ['2026-08-03T23:50:00.000Z', '2026-08-04T00:20:00.000Z'],
    ]);
  });

  it('hands over no window from a Summary that states none, nor from the timeline itself', async () => {
    const text = [
      '# Queue backlog',
      '',
      '## Summary',
      '',
      'At 14:05 UTC on 2025-05-02 the consumer lag alert fired and the queue grew.',
      '',
      '## Timeline',
      '',
      '- 2025-05-02 14:05 consumer lag alert fires',
      '- 2025-05-02 14:10 - 14:40 consumers restarted one by one',
    ].join('\n');
    const statements = await statementsRead(await openText(text, 'postmortem.md'));
    expect(statements.filter((s) => s.kind === 'window')).toEqual([]);
  });

  it('reads a document whose Timeline section has no entry it can date, for the figures it states', async () => {
    const text = [
      '# Checkout outage',
      '',
      '## Timeline',
      '',
      '- HH:mm - alert fired',
      '',
      '## Stats',
      '',
      '- Time to detection: 8 minutes',
    ].join('\n');
    const input = await openText(text, 'postmortem.md');
    expect(markdownTimeline.detect(input)).toBe(true);
    expect(await statementsRead(input)).toEqual([
      { kind: 'title', text: 'Checkout outage', source: { file: 'postmortem.md', line: 1 } },
      expect.objectContaining({ kind: 'duration', seconds: 480, source: { file: 'postmortem.md', line: 9 } }),
    ]);
  });

  it('still leaves a document without a Timeline section or timed lines to other readers', async () => {
    const input = await openText('# Notes\n\nTime to detection: 8 minutes\n', 'notes.md');
    expect(markdownTimeline.detect(input)).toBe(false);
  });
});
