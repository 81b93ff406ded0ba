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
      expect.objectContaining({ kind: 'duration', seconds: 480, source: { file: 'postmortem.md', line: 9 } }),
    ]);
  });

  it('still leaves a document without a Timeline section or timed lines to other readers', async () => {
    const input = await openText('# Notes\n\nTime to detection: 8 minutes\n', 'notes.md');
    expect(markdownTimeline.detect(input)).toBe(false);
  });
});
