import { describe, expect, it } from 'vitest';
import { fixture, openText, readFile, readWith } from './test-kit.js';
import { watchStates } from './watch-states.js';

describe('watch-states', () => {
  it('reads the detected state as the detection and the recovered state as a recovery', async () => {
    const { events, problems } = await readFile(watchStates, fixture('guarded-deploy', 'watch.jsonl'));
    expect(problems).toEqual([]);
    const by = (state: string) => events.find((e) => e.attrs?.state === state);
    expect(by('detected')).toMatchObject({
      kind: 'health',
      signals: ['symptom', 'detect'],
      summary: 'Failure detected: 3 consecutive failed checks of http://127.0.0.1:8080/health',
    });
    expect(by('recovered')?.signals).toEqual(['recovery']);
    // The rollback is the mitigation, recorded by the deploy history; the state only notes it.
    expect(by('rolling-back')?.signals).toEqual([]);
  });

  it('reads a detection by the error rate as a metric, not a health check', async () => {
    const line =
      '{"kind":"watch","ts":"2026-01-01T00:00:00Z","state":"detected","reason":"errorRate above 5% for 30s"}';
    const { events } = await readWith(watchStates, await openText(line, 'watch.jsonl'));
    expect(events[0]).toMatchObject({ kind: 'metric', signals: ['symptom', 'detect'] });
  });

  it('skips an unknown state, naming the line', async () => {
    const text = [
      '{"kind":"watch","ts":"2026-01-01T00:00:00Z","state":"watching"}',
      '{"kind":"watch","ts":"2026-01-01T00:00:01Z","state":"pondering"}',
    ].join('\n');
    const { events, problems } = await readWith(watchStates, await openText(text, 'watch.jsonl'));
    expect(events).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining("unknown watch state 'pondering'"),
    });
  });
});
