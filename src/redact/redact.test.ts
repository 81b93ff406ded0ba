import { describe, expect, it } from 'vitest';
import { maskPii, redactSecrets } from './index.js';

describe('redactSecrets', () => {
  it.each([
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abcdefgh.ijklmnop', 'eyJhbGciOiJIUzI1NiJ9'],
    ['charge failed with key sk_live_51HxYzAbCdEfGhIjKlMn', 'sk_live_51HxYzAbCdEfGhIjKlMn'],
    ['aws AKIAIOSFODNN7EXAMPLE used', 'AKIAIOSFODNN7EXAMPLE'],
    ['connect postgres://app:hunter2secret@db.internal:5432/app', 'hunter2secret'],
    ['password=Sup3rS3cret! in config', 'Sup3rS3cret!'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA'],
    ['export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI'],
    ['{"api_key": "0123456789abcdef"}', '0123456789abcdef'],
    ['token xoxb-123456789012-abcdefghijkl', 'xoxb-123456789012-abcdefghijkl'],
  ])('removes the secret from %j', (text, secret) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED');
  });
  it('leaves ordinary text alone', () => {
    const text = 'Deploy api-gateway v2.14.0 to prod (approvals 1/2) at 10:00';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('maskPii', () => {
  it('masks e-mail addresses, IP addresses and user ids', () => {
    const out = maskPii('jane.doe@example.com from 10.2.3.4 (user_id=83721) saw errors');
    expect(out).toBe('[email] from [ip] (user_id=[id]) saw errors');
  });
});
