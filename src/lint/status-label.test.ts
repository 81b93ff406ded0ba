import { describe, expect, it } from 'vitest';
import { itemLabel } from './status-label.js';

describe('itemLabel', () => {
  it.each(['shipped', 'open', 'Done:', 'in progress', 'still open'])('reads %j as a status', (label) => {
    expect(itemLabel(label)).toBe('status');
  });
  it.each(['note', 'NB', 'fyi:'])('reads %j as a remark', (label) => {
    expect(itemLabel(label)).toBe('remark');
  });
  it.each(['add Fly HTTP health checks', 'Circuit breaker', 'open the firewall', 'notes on retries'])(
    'reads %j as the work itself',
    (label) => {
      expect(itemLabel(label)).toBeNull();
    },
  );
});
