import { expect, it, describe as suite } from 'vitest';
import { describe } from './plain-words.js';

suite('an entry in plain words', () => {
  it('says a health check failed, unless its entry is a run of passing checks or a recovered guard', () => {
    expect(describe({ kind: 'health', service: 'api', attrs: { failedChecks: 3 } })).toBe(
      'a failing health check of api',
    );
    expect(describe({ kind: 'health', service: 'api', attrs: { checks: 6, failedChecks: 0 } })).toBe(
      'the health check of api passing again',
    );
    expect(describe({ kind: 'health', service: null, attrs: { state: 'recovered' } })).toBe(
      'the health check passing again',
    );
    expect(describe({ kind: 'health', service: null })).toBe('a failing health check');
  });
});
