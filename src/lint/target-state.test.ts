import { describe, expect, it } from 'vitest';
import { statesTarget, writtenAsTargets } from './target-state.js';

describe('action items written as the state to reach', () => {
  it('reads a subject with a present-tense verb as a target state', () => {
    expect(statesTarget('etcd detects data corruption by default')).toBe(true);
    expect(statesTarget('etcd testing is high quality, easy to maintain and expand')).toBe(true);
    expect(statesTarget('etcd apply code should be easy to understand and validate correctness')).toBe(true);
  });

  it('does not read an instruction, a past event, the writers or a condition as one', () => {
    expect(statesTarget('Add a corruption check')).toBe(false);
    expect(statesTarget('The alert fired twice')).toBe(false);
    expect(statesTarget('We should be more careful')).toBe(false);
    expect(statesTarget('If an attack is ongoing: we should pause the bridge')).toBe(false);
  });

  it('takes a list as written that way when most of its items, three or more, are', () => {
    const targets = [
      'etcd detects corruption by default',
      'etcd checks snapshot consistency',
      'Better testing',
    ];
    expect(writtenAsTargets(targets)).toBe(true);
    expect(writtenAsTargets(targets.slice(0, 2))).toBe(false);
    expect(writtenAsTargets(['Add an alert', 'Fix the pool', 'The dashboard is slow'])).toBe(false);
  });
});
