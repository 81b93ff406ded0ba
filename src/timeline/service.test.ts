import { describe, expect, it } from 'vitest';
import { inferService, serviceStem } from './service.js';

const raw = (summary: string, service: string | null) => ({
  ts: 0,
  summary,
  service,
  source: { file: 'f', line: 1 },
});

describe('inferService', () => {
  it('matches a repository or label name to the manifest service', () => {
    expect(serviceStem('acme/checkout-service')).toBe('checkout');
    const attrs: Record<string, unknown> = {};
    expect(inferService(raw('deployed', 'acme/checkout-service'), [], ['checkout'], attrs)).toBe('checkout');
    expect(attrs.recordedAs).toBe('acme/checkout-service');
  });

  it('moves an event recorded by a pipeline to the service its text names', () => {
    const attrs: Record<string, unknown> = {};
    expect(
      inferService(raw('Deploy api-gateway v2.14.0', 'ci'), ['api-gateway', 'ci'], ['api-gateway'], attrs),
    ).toBe('api-gateway');
    expect(attrs.recordedBy).toBe('ci');
  });

  it('keeps a manifest service and leaves unrelated names alone', () => {
    expect(
      inferService(raw('auth-service timeouts', 'api-gateway'), ['auth-service'], ['api-gateway'], {}),
    ).toBe('api-gateway');
    expect(inferService(raw('disk full', 'db'), [], ['api'], {})).toBe('db');
  });
});
