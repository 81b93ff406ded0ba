import { describe, expect, it } from 'vitest';
import { miner } from './miner.js';

describe('miner', () => {
  it('groups lines that differ in variables and names the variable positions', () => {
    const m = miner();
    const a = m.add('Connection pool exhausted after 3000 ms for user alice');
    const b = m.add('Connection pool exhausted after 120 ms for user bob');
    expect(b).toBe(a);
    expect(m.template(a)).toBe('Connection pool exhausted after <*> ms for user <*>');
  });

  it('keeps a template seen once among many others', () => {
    const m = miner();
    for (let i = 0; i < 1000; i++) m.add(`GET /api/items/${i} served in ${i % 50} ms`);
    const rare = m.add('Payment provider returned 502 Bad Gateway');
    expect(m.size).toBe(2);
    expect(m.template(rare)).toBe('Payment provider returned <*> Bad Gateway');
  });

  it('separates lines of different length and different leading words', () => {
    const m = miner();
    const ids = new Set([
      m.add('user 1 logged in'),
      m.add('user 1 logged in twice'),
      m.add('cache 1 logged in'),
    ]);
    expect(ids.size).toBe(3);
  });

  it('respects the similarity threshold', () => {
    const strict = miner({ similarity: 0.9 });
    expect(strict.add('disk sda is full now')).not.toBe(strict.add('disk sda was full today'));
    const loose = miner({ similarity: 0.5 });
    expect(loose.add('disk sda is full now')).toBe(loose.add('disk sda was full today'));
  });
});

describe('miner routing', () => {
  it('routes key=value tokens by their key, so differing values still meet in one leaf', () => {
    const m = miner({ similarity: 0.5, depth: 4 });
    expect(m.add('acquire tag=ViewLock name=systemui ws=null')).toBe(
      m.add('acquire tag=Launcher name=android ws=null'),
    );
  });
});
