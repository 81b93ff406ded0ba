import { describe, expect, it } from 'vitest';
import { deployHistory } from './deploy-history.js';
import { fixture, openText, readFile, readWith } from './test-kit.js';

describe('deploy-history', () => {
  it('reads a deploy as one change citing its start and end, and a rollback as its start and the version it restored', async () => {
    const { events, problems } = await readFile(deployHistory, fixture('guarded-deploy', 'deploys.jsonl'));
    expect(problems).toEqual([]);
    const [deploy, deployEnd, rollback, restored] = events;
    expect(deploy).toMatchObject({
      kind: 'change',
      signals: ['change'],
      service: 'api',
      summary: 'Deploy of api 2.0.0 (replacing 1.0.0) started; finished (exit 0, 1.3 s)',
      attrs: expect.objectContaining({ version: '2.0.0', previousVersion: '1.0.0', exitCode: 0 }),
    });
    // The end of a deploy folds into its entry, which then cites both lines.
    expect(deployEnd.attrs).toMatchObject({ routine: true, object: deploy.attrs?.object });
    expect(rollback).toMatchObject({
      kind: 'rollback',
      signals: ['mitigation', 'change'],
      summary: 'Rollback of api from 2.0.0 to 1.0.0 started',
    });
    expect(restored).toMatchObject({
      kind: 'rollback',
      signals: ['mitigation'],
      summary: 'Rollback of api finished: previous version 1.0.0 restored (exit 0, 1.3 s)',
      source: { file: 'deploys.jsonl', line: 4 },
    });
  });

  it('reads the same fields as CSV from a pipeline', async () => {
    const { events, problems } = await readFile(
      deployHistory,
      fixture('deploy-evidence', 'deploy-history.csv'),
    );
    expect(problems).toEqual([]);
    expect(events.filter((e) => !e.attrs?.routine).map((e) => e.summary)).toEqual([
      'Deploy of shop 4.2.0 (replacing 4.1.3) started; finished (exit 0, 40 s)',
      'Rollback of shop from 4.2.0 to 4.1.3 started',
      'Rollback of shop finished: previous version 4.1.3 restored (exit 0, 20 s)',
    ]);
  });

  it('says when a rollback failed or timed out, and does not count it as a mitigation', async () => {
    const text = [
      '{"kind":"rollback","ts":"2026-01-01T00:00:00Z","phase":"started","service":"api","version":"1.0.0"}',
      '{"kind":"rollback","ts":"2026-01-01T00:00:30Z","phase":"finished","service":"api","version":"1.0.0","exitCode":null,"durationMs":30000,"timedOut":true}',
    ].join('\n');
    const { events } = await readWith(deployHistory, await openText(text, 'deploys.jsonl'));
    expect(events[1]).toMatchObject({
      summary: 'Rollback of api to 1.0.0 did not complete (timed out after 30 s)',
      signals: [],
    });
  });

  it('skips a line with an unknown kind or phase, naming the line', async () => {
    const text = [
      '{"kind":"deploy","ts":"2026-01-01T00:00:00Z","phase":"started","service":"api","version":"2.0.0"}',
      '{"kind":"deploy","ts":"2026-01-01T00:00:01Z","phase":"halfway","service":"api","version":"2.0.0"}',
      '{"kind":"scale","ts":"2026-01-01T00:00:02Z","service":"api","version":"2.0.0"}',
    ].join('\n');
    const { events, problems } = await readWith(deployHistory, await openText(text, 'deploys.jsonl'));
    expect(problems).toEqual([
      { line: 2, message: "deploy with phase 'halfway' (expected started or finished)" },
      { line: 3, message: "not a deploy or rollback: kind 'scale'" },
    ]);
    expect(events).toHaveLength(1);
  });

  it('leaves generic events that carry a summary to the generic reader', async () => {
    const generic =
      '{"ts":"2026-01-01T00:00:00Z","kind":"deploy","version":"2.0.0","summary":"Deployed 2.0.0"}';
    expect(deployHistory.detect(await openText(generic, 'deploys.jsonl'))).toBe(false);
  });
});
