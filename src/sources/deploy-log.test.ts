import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../bundle/index.js';
import { buildTimeline } from '../timeline/index.js';
import { deployLog } from './deploy-log.js';
import { fixture, openText, readFile, readWith } from './test-kit.js';

describe('deploy-log', () => {
  it('makes an entry of each line that tells a deploy, a rollback or how a step ended, with its output', async () => {
    const { events, problems } = await readFile(deployLog, fixture('deploy-log', 'release-script.log'));
    expect(events.map((e) => [e.source.line, e.summary])).toEqual([
      [3, '[deploy] api: version 2.0.0 deployed (previous version 1.0.0)'],
      [4, '[rollback] api: rollback procedure initiated (2.0.0 -> 1.0.0)'],
      [7, '[rollback] api: version 1.0.0 restored'],
      [8, '[verify] api: service fully operational'],
    ]);
    expect(events[1].details).toEqual(['stopping api-2.0.0 on api-1', 'starting api-1.0.0 on api-1']);
    // The name before the colon after a step's tag is the service.
    expect(events.map((e) => e.service)).toEqual(['api', 'api', 'api', 'api']);
    expect(events[0].ts).toBe(Date.parse('2026-01-29T14:30:00Z'));
    // By the tool's own words: the deploy a change, the rollback's steps rollbacks, the outcome read later.
    expect(events.map((e) => e.kind)).toEqual(['change', 'rollback', 'rollback', undefined]);
    // The two build steps are no entries, and are said to be left out.
    expect(problems).toEqual([
      {
        line: null,
        message: '2 progress lines of the deploy log (no deploy, rollback or outcome named) not made entries',
      },
    ]);
  });

  it("reads Argo CD's controller log, the application's name as the service", async () => {
    const { events } = await readFile(deployLog, fixture('deploy-log', 'argocd-application-controller.log'));
    expect(events[0]).toMatchObject({
      summary: "Initiated automated sync to '62b5b80'",
      service: 'api-server',
      ts: Date.parse('2024-01-15T14:00:02Z'),
    });
    // "Updating operation state" is progress, not an entry.
    expect(events.map((e) => e.source.line)).toEqual([1, 3, 4, 5, 6, 7, 8]);
  });

  it('is not an application log that mentions deploys now and then, a CSV, or JSON', async () => {
    const app = [
      '2026-01-29T14:30:00Z INFO request served in 12ms',
      '2026-01-29T14:30:01Z INFO request served in 9ms',
      '2026-01-29T14:30:02Z INFO new version deployed, reloading config',
      '2026-01-29T14:30:03Z ERROR upstream timed out',
      '2026-01-29T14:30:04Z INFO request served in 11ms',
    ].join('\n');
    expect(deployLog.detect(await openText(`${app}\n`, 'app.log'))).toBe(false);
    const csv =
      'ts,kind,service,version\n2026-01-29T14:30:00Z,deploy,api,2.0.0\n2026-01-29T14:31:30Z,rollback,api,1.0.0\n';
    expect(deployLog.detect(await openText(csv, 'deploys.csv'))).toBe(false);
    const json =
      '{"time":"2026-01-29T14:30:00Z","msg":"deployed 2.0.0"}\n{"time":"2026-01-29T14:31:00Z","msg":"rollback"}\n';
    expect(deployLog.detect(await openText(json, 'deploy.jsonl'))).toBe(false);
  });

  it('makes the later step of one deploy a detail of its entry; a failed deploy changed nothing', async () => {
    const text = [
      '2026-01-29T14:07:18Z INFO [web] Deploying web 3.4.1 (current 3.4.0)',
      '2026-01-29T14:07:30Z INFO [web] Version 3.4.1 deployed to production',
      '2026-01-29T14:18:52Z INFO [worker] Deploying worker 1.8.3 (current 1.8.2)',
      '2026-01-29T14:19:40Z ERROR [worker] Deploy of worker 1.8.3 failed: image not found',
    ].join('\n');
    const { events } = await readWith(deployLog, await openText(`${text}\n`, 'deploy-manager.log'));
    expect(events.map((e) => [e.kind, e.summary])).toEqual([
      ['change', '[web] Deploying web 3.4.1 (current 3.4.0)'],
      ['change', '[worker] Deploying worker 1.8.3 (current 1.8.2)'],
      [undefined, '[worker] Deploy of worker 1.8.3 failed: image not found'],
    ]);
    expect(events[0].details).toEqual(['[web] Version 3.4.1 deployed to production']);
    // The tag the line names again as what it deploys is the service; a step's tag is none.
    expect(events.map((e) => e.service)).toEqual(['web', 'worker', 'worker']);
  });

  it('reports a line with no time before any line with one, and reads the rest', async () => {
    const text =
      'Deploy pipeline #812\n2026-01-29T14:30:00Z INFO deployed api 2.0.0\n2026-01-29T14:31:30Z WARN rollback of api to 1.0.0 started\n';
    const { events, problems } = await readWith(deployLog, await openText(text, 'deploy.log'));
    expect(events).toHaveLength(2);
    expect(problems).toEqual([
      { line: 1, message: 'deploy log line with no time, before any line with one' },
    ]);
  });

  it('gives a timeline with the deploy as the change and the rollback as the rollback', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hindsight-deploy-log-'));
    await writeFile(join(dir, 'incident.yaml'), 'title: Faulty 2.0.0\nservices: [api]\n');
    await copyFile(fixture('deploy-log', 'release-script.log'), join(dir, 'deploy.log'));
    const { events } = await buildTimeline(await openBundle([dir]));
    expect(events.map((e) => e.kind)).toEqual(['change', 'rollback', 'rollback', 'note']);
    expect(events[3].signals).toContain('recovery');
  });

  it('reads an outcome by its words, not by its place: a tool log has no story to open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hindsight-deploy-log-'));
    await writeFile(join(dir, 'incident.yaml'), 'title: Web deploy\nservices: [api]\n');
    await writeFile(
      join(dir, 'deploy-manager.log'),
      [
        '2026-01-28T10:13:46Z INFO [web] Service fully operational',
        '2026-01-28T16:40:07Z INFO [worker] Deploying worker 1.8.2 (current 1.8.1)',
        '2026-01-28T16:40:28Z INFO [worker] Deploying worker 1.8.2: pods ready',
        '2026-01-28T16:41:22Z INFO [worker] Service fully operational',
        '',
      ].join('\n'),
    );
    const { events } = await buildTimeline(await openBundle([dir]));
    const operational = events.filter((e) => /operational/.test(e.summary));
    expect(operational.map((e) => e.signals)).toEqual([['recovery'], ['recovery']]);
  });
});
