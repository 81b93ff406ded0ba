import { describe, expect, it } from 'vitest';
import { lanesOf } from './lanes.js';

describe('lanesOf', () => {
  it('orders lanes by their first event and puts entries without a service last', () => {
    const lanes = lanesOf([
      { ts: '2026-03-12T17:00:00Z', service: 'checkout' },
      { ts: '2026-03-12T16:00:00Z', service: null },
      { ts: '2026-03-12T16:30:00Z', service: 'payments-api' },
      { ts: '2026-03-12T17:30:00Z', service: 'checkout' },
    ]);
    expect(lanes).toEqual(['payments-api', 'checkout', '(no service)']);
  });
});
