import { describe, expect, it } from 'vitest';
import { maskPii } from './pii.js';

describe('maskPii', () => {
  it('masks e-mail addresses, IP addresses and user ids', () => {
    const out = maskPii('jane.doe@example.com from 10.2.3.4 (user_id=83721) saw errors');
    expect(out).toBe('[email] from [ip] (user_id=[id]) saw errors');
  });

  it('masks IPv6 addresses, numbered users and Slack user mentions', () => {
    expect(maskPii('from fe80:0:0:0:202:b3ff:fe1e:8329 customer #48213 <@U024BE7LH>')).toBe(
      'from [ip] customer [id] [user]',
    );
  });

  it('leaves versions, times and counts alone', () => {
    const text = 'v2.14.0 at 10:00:05, 502 errors, pool 40/40';
    expect(maskPii(text)).toBe(text);
  });
});
