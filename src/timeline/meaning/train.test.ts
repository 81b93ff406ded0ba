import { describe, expect, it } from 'vitest';
import { score } from './model.js';
import { supported, train } from './train.js';

const examples = [
  { features: ['w:revert', 'w:release'], kind: 'rollback', signals: ['mitigation'] },
  { features: ['w:revert', 'w:config'], kind: 'rollback', signals: ['mitigation'] },
  { features: ['w:deploy', 'w:release'], kind: 'change', signals: [] },
  { features: ['w:deploy', 'w:config'], kind: 'change', signals: [] },
  { features: ['w:once'], kind: 'change', signals: [] },
];

describe('train', () => {
  it('learns which words tell the kinds and signals apart', () => {
    const model = train(examples, ['rollback', 'change'], ['mitigation']);
    const s = score(model, ['w:revert']);
    expect(s.kinds[0]).toBeGreaterThan(0.5);
    expect(s.signals[0]).toBeGreaterThan(0.5);
    expect(score(model, ['w:deploy']).signals[0]).toBeLessThan(0.5);
  });
  it('gives the same weights on every run', () => {
    const a = train(examples, ['rollback', 'change'], ['mitigation']);
    const b = train(examples, ['rollback', 'change'], ['mitigation']);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
  it('leaves out features seen on fewer examples than the minimum', () => {
    const model = train(examples, ['rollback', 'change'], ['mitigation'], { minCount: 2 });
    expect(model.weights['w:once']).toBeUndefined();
    expect(model.weights['w:revert']).toBeDefined();
  });
  it('gives no weight to a feature that only one collection of writers uses', () => {
    const written = [
      { features: ['w:revert', 'w:ourbot'], kind: 'rollback', signals: [], document: 'a1', collection: 'a' },
      { features: ['w:revert', 'w:ourbot'], kind: 'rollback', signals: [], document: 'a2', collection: 'a' },
      { features: ['w:revert'], kind: 'rollback', signals: [], document: 'b1', collection: 'b' },
      { features: ['w:deploy'], kind: 'change', signals: [], document: 'a3', collection: 'a' },
      { features: ['w:deploy'], kind: 'change', signals: [], document: 'b2', collection: 'b' },
    ];
    const model = train(written, ['rollback', 'change'], [], { minCollections: 2 });
    expect(model.weights['w:ourbot']).toBeUndefined();
    expect(model.weights['w:revert']).toBeDefined();
    expect(train(written, ['rollback', 'change'], []).weights['w:ourbot']).toBeDefined();
  });
  it("counts a feature's support in examples, documents and collections", () => {
    const seen = [
      { features: ['w:a', 'w:b', 'w:c'], kind: 'note', signals: [], document: 'x', collection: 'p' },
      { features: ['w:a', 'w:b'], kind: 'note', signals: [], document: 'y', collection: 'p' },
      { features: ['w:a', 'w:c'], kind: 'note', signals: [], document: 'x', collection: 'p' },
      { features: ['w:a'], kind: 'note', signals: [], document: 'z', collection: 'q' },
    ];
    expect(supported(seen, { minCount: 2 })).toEqual(['w:a', 'w:b', 'w:c']);
    expect(supported(seen, { minDocuments: 2 })).toEqual(['w:a', 'w:b']);
    expect(supported(seen, { minCollections: 2 })).toEqual(['w:a']);
  });
  it('weighs rare kinds up by the balance power, so they are predicted where the words say so', () => {
    const skewed = [
      ...Array.from({ length: 9 }, () => ({ features: ['w:shared'], kind: 'note', signals: [] })),
      { features: ['w:shared'], kind: 'ack', signals: [] },
      { features: ['w:shared'], kind: 'ack', signals: [] },
    ];
    const unbalanced = train(skewed, ['note', 'ack'], [], { minCount: 1 });
    const balanced = train(skewed, ['note', 'ack'], [], { minCount: 1, balance: 1 });
    const half = train(skewed, ['note', 'ack'], [], { minCount: 1, balance: 0.5 });
    const ack = (m: typeof balanced) => score(m, ['w:shared']).kinds[1];
    expect(ack(unbalanced)).toBeLessThan(0.5);
    expect(ack(half)).toBeGreaterThan(ack(unbalanced));
    expect(ack(balanced)).toBeGreaterThan(ack(half));
  });
});
