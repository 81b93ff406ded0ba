import { describe, expect, it } from 'vitest';
import { storeProgress } from './progress.js';

const terminal = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) > 0 } };
};

describe('storeProgress', () => {
  it('overwrites one line with lines read against the store count, a few times a second and at the end', () => {
    const { written, stream } = terminal(true);
    let clock = 0;
    const progress = storeProgress('loki http://127.0.0.1:3100', stream, { now: () => clock });
    progress.onProgress?.(5000, 20000);
    clock = 100;
    progress.onProgress?.(10000, 20000);
    clock = 400;
    progress.onProgress?.(15000, 20000);
    clock = 450;
    progress.onProgress?.(20000, 20000);
    progress.done();
    expect(written).toEqual([
      '\r\x1b[Kreading loki http://127.0.0.1:3100: 5,000 of 20,000 (25 %) lines',
      '\r\x1b[Kreading loki http://127.0.0.1:3100: 15,000 of 20,000 (75 %) lines',
      '\r\x1b[Kreading loki http://127.0.0.1:3100: 20,000 of 20,000 (100 %) lines',
      '\r\x1b[K',
    ]);
  });

  it('writes nothing when standard error is not a terminal', () => {
    const { written, stream } = terminal(false);
    const progress = storeProgress('loki', stream);
    expect(progress.onProgress).toBeUndefined();
    progress.done();
    expect(written).toEqual([]);
  });
});
