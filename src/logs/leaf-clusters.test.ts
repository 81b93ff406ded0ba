import { describe, expect, it } from 'vitest';
import { type Cluster, leafClusters } from './leaf-clusters.js';

const cluster = (id: number, template: string): Cluster => ({
  id,
  tokens: template.split(' '),
  wildcards: template.split(' ').filter((t) => t === '<*>').length,
});

describe('leafClusters', () => {
  it('takes a line with too few literals only into an identical template, the oldest one', () => {
    const leaf = leafClusters();
    const first = cluster(0, 'a <*> <*> <*>');
    const second = cluster(1, 'a <*> <*> <*>');
    leaf.add(first);
    leaf.add(second);
    leaf.add(cluster(2, 'b <*> <*> <*>'));
    expect(leaf.best(['a', '<*>', '<*>', '<*>'], 0.5)).toBe(first);
    expect(leaf.best(['c', '<*>', '<*>', '<*>'], 0.5)).toBeNull();
  });

  it('finds a template by its new shape once a line has widened it', () => {
    const leaf = leafClusters();
    const c = cluster(0, 'user alice logged in');
    leaf.add(c);
    leaf.absorb(c, ['user', 'bob', 'logged', 'out']);
    expect(c.tokens).toEqual(['user', '<*>', 'logged', '<*>']);
    expect(c.wildcards).toBe(2);
    expect(leaf.best(['user', '<*>', '<*>', '<*>'], 0.9)).toBeNull();
    expect(leaf.best(['user', '<*>', 'logged', '<*>'], 0.9)).toBe(c);
  });
});
