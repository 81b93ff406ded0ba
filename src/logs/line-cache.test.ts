import { describe, expect, it } from 'vitest';
import { lineCache } from './line-cache.js';

describe('lineCache', () => {
  it('finds a line by its hash and confirms it token by token', () => {
    const cache = lineCache<number>(10);
    cache.set({ tokens: ['took', '<*>', 'ms'], hash: 7 }, 1);
    expect(cache.get({ tokens: ['took', '<*>', 'ms'], hash: 7 })).toBe(1);
    // Same hash, other tokens: a collision is a miss, never a wrong answer.
    expect(cache.get({ tokens: ['took', '<*>', 's'], hash: 7 })).toBeUndefined();
    expect(cache.get({ tokens: ['took', '<*>'], hash: 7 })).toBeUndefined();
  });

  it('starts over when full, and remembers nothing with a capacity of 0', () => {
    const cache = lineCache<number>(2);
    cache.set({ tokens: ['a'], hash: 1 }, 1);
    cache.set({ tokens: ['b'], hash: 2 }, 2);
    cache.set({ tokens: ['c'], hash: 3 }, 3);
    expect(cache.get({ tokens: ['a'], hash: 1 })).toBeUndefined();
    expect(cache.get({ tokens: ['c'], hash: 3 })).toBe(3);
    const off = lineCache<number>(0);
    off.set({ tokens: ['a'], hash: 1 }, 1);
    expect(off.get({ tokens: ['a'], hash: 1 })).toBeUndefined();
  });

  it('keeps its own copy of the tokens', () => {
    const cache = lineCache<number>(10);
    const line = { tokens: ['a', 'b'], hash: 5 };
    cache.set(line, 1);
    line.tokens[1] = 'c';
    expect(cache.get({ tokens: ['a', 'b'], hash: 5 })).toBe(1);
  });
});
