import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.mjs';
import { MaskedLineCache } from './masked-line-cache.js';

const bytes = (text: string) => {
  const out = Buffer.alloc(text.length * 3 + 8, 0x7a); // bytes past the line must not count
  return { out, length: out.write(text) };
};

describe('MaskedLineCache', () => {
  it('finds a masked line only by its exact bytes', () => {
    const cache = new MaskedLineCache(10);
    const a = bytes('took <*> ms');
    expect(cache.get(a.out, a.length)).toBe(-1);
    cache.set(a.out, a.length, 0);
    expect(cache.get(bytes('took <*> ms').out, a.length)).toBe(0);
    for (const other of ['took <*> s', 'took <*>', 'took <*> msz', 'Took <*> ms', ''])
      expect(cache.get(bytes(other).out, bytes(other).length), other).toBe(-1);
  });

  it('answers like a Map on thousands of lines, colliding hashes and restarts included', () => {
    const r = random(3);
    const cache = new MaskedLineCache(500);
    const truth = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const text = `${'ab'[Math.floor(r() * 2)]} <*> ${Math.floor(r() * 900)}`;
      const line = bytes(text);
      const found = cache.get(line.out, line.length);
      if (found >= 0) expect(found, text).toBe(truth.get(text));
      else {
        if (truth.size >= 500) truth.clear(); // the cache starts over when full, so may forget
        truth.set(text, i);
        cache.set(line.out, line.length, i);
      }
    }
  });

  it('remembers nothing with a capacity of 0', () => {
    const cache = new MaskedLineCache(0);
    const a = bytes('a');
    cache.set(a.out, a.length, 1);
    expect(cache.get(a.out, a.length)).toBe(-1);
  });
});

describe('MaskedLineCache memory', () => {
  it('stays within its byte limit however long and many the lines, and still answers', () => {
    const cache = new MaskedLineCache(1000, 64 * 1024);
    for (let i = 0; i < 300; i++) {
      const line = bytes(`${i} ${'x'.repeat(i * 13)}`);
      if (cache.get(line.out, line.length) < 0) cache.set(line.out, line.length, i);
      expect(cache.heldBytes).toBeLessThanOrEqual(64 * 1024 + 4);
    }
    const recent = bytes(`299 ${'x'.repeat(299 * 13)}`);
    expect(cache.get(recent.out, recent.length)).toBe(299);
    // A line over a sixteenth of the limit is not kept at all.
    const huge = bytes('y'.repeat(8 * 1024));
    cache.set(huge.out, huge.length, 1);
    expect(cache.get(huge.out, huge.length)).toBe(-1);
  });
});
