// Inputs the fuzz suite (fuzz.test.ts) found to crash, kept as plain tests.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../generate.js';
import { sources } from './registry.js';
import { fixture, openText, readWith } from './test-kit.js';

const queryRange = () => JSON.parse(readFileSync(fixture('metrics', 'query-range.json'), 'utf8'));

describe('inputs the fuzzer found', () => {
  it("reports a Prometheus series whose 'values' is 0 instead of throwing", async () => {
    const body = queryRange();
    body.data.result[1].values = 0;
    const { problems, handedOver } = await readWith(
      sources['prometheus-file'],
      await openText(JSON.stringify(body)),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/: 'values' is not a list of points$/),
    ]);
    expect(handedOver).toBe(body.data.result.length);
  });

  it('reports a Prometheus result or point of the wrong shape, and a value that is not a number', async () => {
    const body = queryRange();
    body.data.result.push('junk');
    body.data.result[0].values[0] = 7;
    body.data.result[0].values[1][1] = 'lots';
    const { problems } = await readWith(sources['prometheus-file'], await openText(JSON.stringify(body)));
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/: a point is not a \[time, value\] pair$/),
      expect.stringMatching(/: value 'lots' is not a number$/),
      `result ${body.data.result.length - 1}: not a series (an object with 'metric' and 'values')`,
    ]);
  });

  it('reports a Prometheus file that is the JSON null', async () => {
    const { problems } = await readWith(sources['prometheus-file'], await openText('null'));
    expect(problems.map((p) => p.message)).toEqual([
      "expected a query_range matrix, found resultType 'undefined'",
    ]);
  });

  it('writes a report when an event names a person with a name of 70,000 characters', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-fuzzed-')), 'bundle');
    mkdirSync(dir);
    const events = [
      { ts: '2026-02-10T12:00:00Z', kind: 'deploy', summary: 'Deploy checkout v2', user: 'x'.repeat(70_000) },
      { ts: '2026-02-10T12:05:00Z', kind: 'alert', summary: 'checkout 5xx above 5%' },
    ];
    writeFileSync(join(dir, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n'));
    const { report } = await generate([dir], { library: false, format: 'md' });
    expect(report.timeline).toHaveLength(2);
  });
});
