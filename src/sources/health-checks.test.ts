import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../model/index.js';
import { healthChecks } from './health-checks.js';
import { fixture, openText, readFile, readWith } from './test-kit.js';

const lead = (events: RawEvent[]) => events.filter((e) => !e.attrs?.routine);
const check = (ts: string, ok: boolean, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    kind: 'health-check',
    ts,
    url: 'http://svc/health',
    ok,
    status: ok ? 200 : 500,
    ...extra,
  });

describe('health-checks', () => {
  it('reads a run of failed checks as one symptom entry that counts them and keeps every sample', async () => {
    const { events, problems } = await readFile(
      healthChecks,
      fixture('guarded-deploy', 'health-checks.jsonl'),
    );
    expect(problems).toEqual([]);
    const runs = lead(events);
    expect(runs.map((e) => [e.signals, e.attrs?.checks, e.attrs?.failedChecks])).toEqual([
      [[], 3, 0],
      [['symptom'], 3, 3],
      [['recovery'], 5, 0],
    ]);
    const failed = runs[1];
    expect(failed).toMatchObject({ kind: 'health', ts: Date.parse('2026-01-29T14:30:15.100Z') });
    expect(failed.summary).toContain('failed (3 checks, 14:30:15–14:30:45): HTTP 500');
    expect(failed.attrs).toMatchObject({
      first: '2026-01-29T14:30:15.100Z',
      last: '2026-01-29T14:30:45.100Z',
    });
    // The other samples of the run are folded into it, so the entry cites each of their lines.
    const folded = events.filter((e) => e.attrs?.routine && e.attrs.object === failed.attrs?.object);
    expect(folded.map((e) => e.source.line)).toEqual([5, 6]);
  });

  it('reads the same fields as CSV written by another prober, a timeout being a failed check', async () => {
    const { events, problems } = await readFile(
      healthChecks,
      fixture('deploy-evidence', 'health-checks.csv'),
    );
    expect(problems).toEqual([]);
    const runs = lead(events);
    expect(runs.map((e) => e.signals)).toEqual([[], ['symptom'], ['recovery']]);
    expect(runs[1].summary).toContain('timeout (1)');
    expect(runs[1].summary).toContain('HTTP 503: upstream connect error, reset before headers (2)');
  });

  it('says in words that nothing listened, keeping the socket error code in the attributes', async () => {
    const text = [check('2026-01-01T00:00:00Z', false, { status: null, error: 'ECONNREFUSED' })].join('\n');
    const { events } = await readWith(healthChecks, await openText(text, 'checks.jsonl'));
    expect(events[0].summary).toContain('failed (1 check, 00:00:00): nothing listening (refused)');
    expect(events[0].attrs).toMatchObject({ error: 'ECONNREFUSED', errors: ['ECONNREFUSED'] });
  });

  it('keeps runs of different URLs apart', async () => {
    const text = [
      check('2026-01-01T00:00:00Z', false),
      check('2026-01-01T00:00:01Z', true, { url: 'http://other/health' }),
      check('2026-01-01T00:00:05Z', false),
    ].join('\n');
    const { events } = await readWith(healthChecks, await openText(text, 'checks.jsonl'));
    expect(lead(events).map((e) => [e.attrs?.url, e.attrs?.checks])).toEqual([
      ['http://svc/health', 2],
      ['http://other/health', 1],
    ]);
  });

  it('skips a line it cannot read, naming the line and what it lacks, and reads the rest', async () => {
    const text = [
      check('2026-01-01T00:00:00Z', true),
      '{"kind":"health-check","ts":"yesterday-ish","url":"http://svc/health","ok":true}',
      '{"kind":"health-check","ts":"2026-01-01T00:00:10Z","url":"http://svc/health","ok":"maybe"}',
      'not json',
      check('2026-01-01T00:00:15Z', false),
    ].join('\n');
    const { events, problems } = await readWith(healthChecks, await openText(text, 'checks.jsonl'));
    expect(problems).toEqual([
      { line: 2, message: 'health check without a readable ts' },
      { line: 3, message: 'health check without ok (true or false)' },
      { line: 4, message: 'not valid JSON' },
    ]);
    expect(lead(events)).toHaveLength(2);
  });

  it('is detected by the content of its lines, not by the file name', async () => {
    expect(healthChecks.detect(await openText(check('2026-01-01T00:00:00Z', true), 'x.log'))).toBe(true);
    expect(
      healthChecks.detect(
        await openText('{"kind":"deploy","ts":"2026-01-01T00:00:00Z"}', 'health-checks.jsonl'),
      ),
    ).toBe(false);
  });
});
