import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../test/support/misbehaving-server.js';
import { queryNow, SeriesRecording } from './prometheus-series.js';

describe('recording a Prometheus query over a watch', () => {
  it('gathers instant answers into one query_range matrix, one series per label set', () => {
    const rec = new SeriesRecording();
    rec.add([{ metric: { code: '500' }, value: [100, '0.5'] }]);
    rec.add([
      { metric: { code: '500' }, value: [105, '0.7'] },
      { metric: { code: '503' }, value: [105, '0.1'] },
    ]);
    rec.add([{ metric: { code: '500' }, value: [105, '0.7'] }]);
    expect(JSON.parse(rec.toJson())).toEqual({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { code: '500' },
            values: [
              [100, '0.5'],
              [105, '0.7'],
            ],
          },
          { metric: { code: '503' }, values: [[105, '0.1']] },
        ],
      },
    });
  });

  it('reads the worst value of an answer as the error rate, and none from an empty or NaN answer', () => {
    expect(
      SeriesRecording.worst([
        { metric: {}, value: [1, '0.2'] },
        { metric: {}, value: [1, '0.4'] },
      ]),
    ).toBe(0.4);
    expect(SeriesRecording.worst([])).toBeNull();
    expect(SeriesRecording.worst([{ metric: {}, value: [1, 'NaN'] }])).toBeNull();
  });

  describe('asking a server', () => {
    let url = '';
    let answer = '';
    const server = createServer((req, res) => {
      if (req.url?.includes('hang')) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    afterAll(() => {
      server.closeAllConnections();
      server.close();
    });

    it('returns the vector Prometheus answered', async () => {
      answer = JSON.stringify({
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, value: [1, '0.3'] }] },
      });
      expect(await queryNow(url, 'up', { timeoutMs: 1000 })).toEqual({
        ok: true,
        result: [{ metric: {}, value: [1, '0.3'] }],
      });
    });

    it('names the error of a failed query, a timeout, and a server that is down', async () => {
      answer = JSON.stringify({ status: 'error', error: 'parse error at char 4' });
      expect(await queryNow(url, 'up{', { timeoutMs: 1000 })).toEqual({
        ok: false,
        error: 'parse error at char 4',
      });
      expect(await queryNow(`${url}/hang`, 'up', { timeoutMs: 150 })).toEqual({
        ok: false,
        error: 'timeout',
      });
      expect(await queryNow(`http://127.0.0.1:${await closedPort()}`, 'up', { timeoutMs: 1000 })).toEqual({
        ok: false,
        error: 'ECONNREFUSED',
      });
    });
  });
});
