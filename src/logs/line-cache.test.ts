import { describe, expect, it } from 'vitest';
import { lineCache } from './line-cache.js';

describe('lineCache', () => {
  it('finds a masked line only by its exact text', () => {
    const cache = lineCache<number>(10);
    cache.set('took <*> ms', 1);
    expect(cache.get('took <*> ms')).toBe(1);
    expect(cache.get('took <*> s')).toBeUndefined();
    expect(cache.get('took <*>')).toBeUndefined();
  });

  it('starts over when full, and remembers nothing with a capacity of 0', () => {
    const cache = lineCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
    const off = lineCache<number>(0);
    off.set('a', 1);
    expect(off.get('a')).toBeUndefined();
  });
});
