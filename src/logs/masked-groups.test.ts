import { describe, expect, it } from 'vitest';
import { maskedGroups } from './masked-groups.js';

const at = (hhmmss: string) => Date.parse(`2026-02-10T${hhmmss}Z`);

describe('maskedGroups', () => {
  it('puts lines our masker makes equal in one group, with the earliest as example and counts per minute', () => {
    const g = maskedGroups();
    g.add('checkout', 'error', 'timeout after 3000 ms order=ord-17', at('14:01:05'));
    g.add('checkout', 'error', 'timeout after 3000 ms order=ord-9', at('14:01:01'));
    g.add('checkout', 'error', 'timeout  after 5000 ms order=ord-3', at('14:02:30'));
    expect([...g.groups()]).toEqual([
      {
        service: 'checkout',
        level: 'error',
        example: 'timeout after 3000 ms order=ord-9',
        minutes: [
          { minute: at('14:01:00'), count: 2 },
          { minute: at('14:02:00'), count: 1 },
        ],
        first: at('14:01:01'),
        last: at('14:02:30'),
      },
    ]);
    expect(g.lines).toBe(3);
  });

  it('keeps apart what the masker keeps apart: other words, a name with one digit, another level or service', () => {
    const g = maskedGroups();
    g.add('api', 'error', 'ssh2 handshake failed', 0);
    g.add('api', 'error', 'ssh3 handshake failed', 0);
    g.add('api', 'warn', 'ssh2 handshake failed', 0);
    g.add('web', 'error', 'ssh2 handshake failed', 0);
    g.add('api', 'error', 'tls handshake failed', 0);
    expect(g.size).toBe(5);
  });

  it('cuts a long example to exampleChars', () => {
    const g = maskedGroups({ exampleChars: 10 });
    g.add('api', null, 'x'.repeat(50), 0);
    expect([...g.groups()][0].example).toBe('x'.repeat(10));
  });
});
