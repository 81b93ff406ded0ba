import { describe, expect, it } from 'vitest';
import { score } from './model.js';
import { train } from './train.js';

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
});
