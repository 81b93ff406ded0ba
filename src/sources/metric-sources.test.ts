import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInput } from '../bundle/index.js';
import { inferMeasure } from '../metrics/index.js';
import { detectSource, recordingContext } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'hindsight-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(name: string, content: string, spec = null) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const input = await fileInput(path);
  const source = detectSource(input);
  const recorded = recordingContext(name, { spec });
  if (source) for await (const _ of source.read(input, recorded.ctx));
  return { source: source?.name, ...recorded };
}

const matrix = {
  status: 'success',
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: { __name__: 'http_request_duration_seconds', service: 'api', quantile: '0.99' },
        values: [
          [1770728400, '0.2'],
          [1770728460, 'NaN'],
          [1770728520, '2.5'],
        ],
      },
      { metric: { job: 'web' }, values: [[1770728400, '0.002']] },
    ],
  },
};

describe('metric sources', () => {
  it('reads a query_range matrix: one series per result, seconds turned into ms, NaN points dropped', async () => {
    const { source, series } = await read('latency.json', JSON.stringify(matrix));
    expect(source).toBe('prometheus-file');
    expect(series[0]).toMatchObject({
      measure: 'latencyMs',
      service: 'api',
      name: 'http_request_duration_seconds{service="api",quantile="0.99"}',
    });
    expect(series[0].points).toEqual([
      [1770728400000, 200],
      [1770728520000, 2500],
    ]);
    expect(series[1]).toMatchObject({ service: 'web', name: 'latency{job="web"}' });
  });

  it('reads CSV series with one column per series and infers roles from column names', async () => {
    const csv =
      'ts,error_ratio,requests_per_second\n2026-02-10T14:00:00Z,0.002,200\n2026-02-10T14:01:00Z,0.15,210\nnot-a-time,1,1\n';
    const { source, series, problems } = await read('checkout.csv', csv);
    expect(source).toBe('csv-series');
    expect(series.map((s) => [s.name, s.measure, s.points.length])).toEqual([
      ['error_ratio', 'errorRate', 2],
      ['requests_per_second', 'requestRate', 2],
    ]);
    expect(problems).toEqual([{ file: 'checkout.csv', line: 4, message: "cannot read time 'not-a-time'" }]);
  });

  it('names a lone value column after the file and lets the manifest set the measure', async () => {
    const { series } = await read('p99.csv', 'time,value\n1770728400,0.3\n', {
      measure: 'latencyMs',
    } as never);
    expect(series[0]).toMatchObject({ name: 'p99', measure: 'latencyMs', points: [[1770728400000, 0.3]] });
  });

  it('leaves event CSVs to the events source', async () => {
    const { source } = await read(
      'events.csv',
      'ts,kind,service,ref,summary\n2026-02-10T14:00:00Z,change,api,DEP-1,deploy\n',
    );
    expect(source).toBe('events');
  });

  it.each([
    ['http_5xx_ratio', 'errorRate'],
    ['http_server_errors_total', 'errorCount'],
    ['http_request_duration_seconds', 'latencyMs'],
    ['http_requests_total', 'requestRate'],
    ['node_cpu_utilisation', 'saturation'],
    ['temperature', 'other'],
  ])('infers %s as %s', (name, measure) => {
    expect(inferMeasure(name)).toBe(measure);
  });
});
