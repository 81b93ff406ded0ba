import { describe, expect, it } from 'vitest';
import { shorten } from './shorten.js';

describe('shortening text for a sentence', () => {
  it('leaves short text alone', () => {
    expect(shorten('Deploy checkout 3.12.0', 40)).toBe('Deploy checkout 3.12.0');
  });

  it('ends on a whole word', () => {
    expect(shorten('New error log template in checkout — 7,644 times', 42)).toBe(
      'New error log template in checkout…',
    );
  });

  it('closes a quote it cut in half', () => {
    const cut = shorten(
      'Readiness probe failed: Get "http://10.20.3.87:8080/healthz/ready": context deadline',
      60,
    );
    expect(cut).toMatch(/…"$/);
    expect(cut.split('"').length % 2).toBe(1);
  });

  it('closes brackets inside quotes in the right order', () => {
    expect(shorten('Error "pool exhausted (pool=orders-db waiting for connection)" in checkout', 50)).toBe(
      'Error "pool exhausted (pool=orders-db waiting…)"',
    );
  });

  it('stays within the length asked for, closers aside', () => {
    expect(shorten('a'.repeat(500), 100).length).toBeLessThanOrEqual(100);
  });
});
