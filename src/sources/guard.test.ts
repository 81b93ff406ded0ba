// Values no report can print (times past year 9999, 1e308 metrics, labels that are not text)
// become skipped lines with a reason, in every reader, instead of crashing the report.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../generate.js';
import { fixture } from './test-kit.js';

function bundleWith(files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-guard-')), 'bundle');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

async function reportOf(files: Record<string, string>) {
  const { report } = await generate([bundleWith(files)], { library: false, format: 'json' });
  return report.dataQuality;
}

describe('values out of range', () => {
  it('skips an Alertmanager alert whose start is 1e308, with a reason, and reads the rest', async () => {
    const payload = json(fixture('alertmanager', 'alertmanager-bot__firing.json'));
    payload.alerts[0].startsAt = 1e308;
    const quality = await reportOf({ 'alerts.json': JSON.stringify(payload) });
    expect(quality.linesSkipped).toBeGreaterThan(0);
    expect(quality.problems.some((p) => p.file === 'alerts.json')).toBe(true);
  });

  it.each([
    ['pagerduty', 'rest__log_entries.json'],
    ['github-deployments', 'api.github.com__deployment__gh-pages.payload.json'],
    ['jira', 'zulip__comment_created.json'],
    ['grafana', 'zulip__alert-9-resolved.json'],
  ])('reports rather than crashes when every time in a %s sample is 1e308', async (dir, file) => {
    const text = readFileSync(fixture(dir, file), 'utf8').replace(
      /"\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?"/g,
      '1e308',
    );
    const quality = await reportOf({ [file]: text });
    expect(quality.filesRead).toBe(1);
  });

  it('skips JSON log lines whose epoch time is 1e308', async () => {
    const lines = [
      '{"@timestamp":"2026-02-10T10:00:00Z","log.level":"error","message":"db down"}',
      '{"@timestamp":1e308,"log.level":"error","message":"db down"}',
    ];
    const quality = await reportOf({ 'app.json': `${lines.join('\n')}\n` });
    expect(quality.problems.map((p) => [p.line, p.message])).toContainEqual([2, 'no readable time']);
  });

  it('skips Prometheus points with a time that is not a number or a value of 1e308, and labels that are not text', async () => {
    const body = json(fixture('metrics', 'query-range.json'));
    const [series] = body.data.result;
    series.values[1][0] = 'soon';
    series.values[2][1] = '1e308';
    series.metric.service = { nested: true };
    const quality = await reportOf({ 'errors.json': JSON.stringify(body) });
    const messages = quality.problems.map((p) => p.message);
    expect(messages.some((m) => m.includes('point time out of range'))).toBe(true);
    expect(messages.some((m) => m.includes('point value out of range (1e+308)'))).toBe(true);
    expect(messages.some((m) => m.includes("label 'service' is not a string"))).toBe(true);
    expect(quality.linesSkipped).toBe(3);
  });

  it('skips CSV series rows with a time past year 9999 and values of 1e308, naming the line', async () => {
    const csv =
      'ts,error_ratio\n2026-02-10T13:00:00Z,0.1\n9999999999999999999999999,0.2\n2026-02-10T13:02:00Z,1e308\n';
    const quality = await reportOf({ 'series.csv': csv });
    expect(quality.problems.map((p) => p.line)).toEqual([3, 4]);
    expect(quality.linesSkipped).toBe(2);
  });
});
