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
  it('says a deploy where the change was deployed or a source states it, a change otherwise', () => {
    expect(describe({ kind: 'change', service: 'checkout', attrs: { version: 'v3.8.0' } })).toBe(
      'a deploy of checkout v3.8.0',
    );
    expect(
      describe({ kind: 'change', service: null, summary: 'Deploy #287 triggered for cart-service.' }),
    ).toBe('a deploy');
    expect(
      describe({
        kind: 'change',
        service: null,
        summary: 'A software release began rolling out at 08:40 UTC',
      }),
    ).toBe('a deploy');
    expect(
      describe({ kind: 'change', service: 'dns', summary: 'Terraform applied the new DNS records' }),
    ).toBe('a change of dns');
    expect(
      describe({
        kind: 'change',
        service: null,
        summary: 'Our API had an incident that lasted two hours',
        attrs: { unnamedChange: true },
      }),
    ).toBe('a note in the evidence');
  });

  it('says what a note recorded: the service back, the problem seen, or only that it is an entry', () => {
    expect(describe({ kind: 'note', service: null, signals: ['recovery'] })).toBe(
      'a note that the service was back',
    );
    expect(describe({ kind: 'note', service: 'checkout', signals: ['recovery'] })).toBe(
      'a note that checkout was back',
    );
    expect(describe({ kind: 'note', service: null, signals: ['symptom', 'diagnosis'] })).toBe(
      'a note of the problem',
    );
    expect(describe({ kind: 'note', service: null, signals: ['diagnosis'] })).toBe('a note in the evidence');
  });
});
