import { describe, expect, it } from 'vitest';
import { watchProgress } from './watch-progress.js';

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return {
    written,
    s: { isTTY, columns: 200, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream,
  };
};
const check = {
  kind: 'health-check' as const,
  ts: '',
  url: 'http://svc/health',
  status: 500,
  latencyMs: 12,
  excerpt: '',
  error: null,
  ok: false,
};

describe('watch progress', () => {
  it('shows each state on its own line and the last round on one overwritten line on a terminal', () => {
    const err = stream(true);
    const p = watchProgress(err.s, stream(true).s);
    p.onState?.('failing', 'failed check of http://svc/health');
    p.onRound?.([check], 0.2);
    const ERASE = '\r\u001b[K';
    expect(err.written.map((w) => w.startsWith(ERASE))).toEqual([true, true]);
    expect(err.written[0].slice(ERASE.length)).toMatch(
      /^\d\d:\d\d:\d\d failing: failed check of http:\/\/svc\/health\n$/,
    );
    expect(err.written[1].slice(ERASE.length)).toMatch(
      /^\[failing\] \d\d:\d\d:\d\d http:\/\/svc\/health FAIL 500 12ms · error rate 0\.2$/,
    );
  });

  it('is silent when standard output is piped', () => {
    const err = stream(true);
    const p = watchProgress(err.s, stream(false).s);
    p.onState?.('failing', 'x');
    p.onRound?.([check], undefined);
    p.done();
    expect(err.written).toEqual([]);
  });
});
