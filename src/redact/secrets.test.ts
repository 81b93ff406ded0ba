import { describe, expect, it } from 'vitest';
import { plantedSecrets } from '../../test/support/secrets.js';
import { secretRules } from './secret-rules.js';
import { redactSecrets, secretShapesIn } from './secrets.js';

const r = (unit: string, n: number) => unit.repeat(n);

describe('redactSecrets', () => {
  it.each(plantedSecrets('rule').filter((s) => s.shape !== 'card-number'))(
    'removes a $shape from its evidence text',
    ({ secret, text }) => {
      const out = redactSecrets(text);
      expect(out).not.toContain(secret);
      expect(out).toContain('[REDACTED');
    },
  );

  it.each([
    ['aws-access-token', `key ASIA${r('Y3', 8)} expired`, `ASIA${r('Y3', 8)}`],
    ['github-token', `ghs_${r('aZ09', 9)}`, `ghs_${r('aZ09', 9)}`],
    ['gitlab-token', `glrt-${r('Ab_1', 6)}`, `glrt-${r('Ab_1', 6)}`],
    ['slack-token', `xoxp-1234567890-1234567890-1234567890-${r('ab12', 8)}`, r('ab12', 8)],
    ['slack-token', 'token xoxb-123456789012-abcdefghijkl', 'xoxb-123456789012-abcdefghijkl'],
    [
      'microsoft-teams-webhook',
      `https://acme.webhook.office.com/webhookb2/${r('a1b2c3d4-', 4)}x`,
      'a1b2c3d4',
    ],
    ['discord-webhook', `https://discord.com/api/webhooks/123456789012/${r('Zx_9', 10)}`, r('Zx_9', 10)],
    ['stripe-access-token', `rk_test_${r('Ab12', 6)}`, `rk_test_${r('Ab12', 6)}`],
    ['mailgun-private-api-token', `mailgun key-${r('0f', 16)}`, `key-${r('0f', 16)}`],
    ['openai-api-key', `sk-proj-${r('Ab1_', 10)}T3BlbkFJ${r('Cd2-', 10)}`, 'T3BlbkFJ'],
    ['digitalocean-token', `dop_v1_${r('ab12', 16)}`, r('ab12', 16)],
    ['vault-token', `VAULT_TOKEN=hvs.${r('CAESI', 20)}`, r('CAESI', 20)],
    ['grafana-token', `glsa_${r('Ab12', 8)}_0123abcd`, r('Ab12', 8)],
    ['shopify-token', `shpat_${r('a1', 16)}`, r('a1', 16)],
    ['huggingface-access-token', `hf_${r('abcDEF', 5)}ghij`, r('abcDEF', 5)],
    ['age-secret-key', `AGE-SECRET-KEY-1${r('QPZRY9X8GF', 5)}2TVDW0S3`, r('QPZRY9X8GF', 5)],
    ['password-in-url', 'redis://:s3cr3t-pass@cache:6379', 's3cr3t-pass'],
    [
      'private-key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAA\\n',
      'b3BlbnNzaC1rZXktdjEAAAA',
    ],
    [
      'private-key',
      '-----BEGIN PRIVATE KEY----- MIIEvQIBADANBg -----END PRIVATE KEY----- ok',
      'MIIEvQIBADANBg',
    ],
    [
      'private-key',
      'BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEAvR8n -----END RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEAvR8n',
    ],
    [
      'generic-api-key',
      'export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'wJalrXUtnFEMI',
    ],
    ['generic-api-key', 'password: Sup3rS3cret!', 'Sup3rS3cret!'],
    ['generic-api-key', 'db_password = "correct horse battery"', 'correct horse battery'],
    ['generic-api-key', '{\\"client_secret\\":\\"q8Zt-1x\\"}', 'q8Zt-1x'],
    ['generic-api-key', 'secret: 8f14e45fceea167a5a36dedd4bea2543', '8f14e45fceea167a5a36dedd4bea2543'],
    // A token after "token" that is no name: a UUID, a hex run; a Bearer value whatever its shape.
    ['authorization-header', 'token 7c9e6679-7425-40de-944b-e07fc1f90ae7', '7c9e6679-7425'],
    ['authorization-header', 'curl -H "Authorization: Token 8f7e6d5c4b3a2918abcd"', '8f7e6d5c4b3a2918abcd'],
    ['authorization-header', 'Authorization: Bearer ml-k8s-admin', 'ml-k8s-admin'],
    // A shell expansion's default is a value; a key assigned after one is still read.
    ['generic-api-key', 'PGPASSWORD="$' + '{DB_PASSWORD:-hunter2xyz}"', 'hunter2xyz'],
    ['generic-api-key', 'token=$' + '{SA_TOKEN:+x} API_TOKEN=Zx81kPq02LmNv7', 'Zx81kPq02LmNv7'],
  ])('finds a %s in %j', (_rule, text, secret) => {
    expect(redactSecrets(text)).not.toContain(secret);
  });

  it.each([
    'cannot query',
    'auth token: cannot query the replica',
    'secret: cannot query',
    'token rotated at 12:04',
    'Token validation failed for 3 requests',
    'password reset emails were delayed',
    'the secret sauce',
    'Basic authentication failed',
    'sudo: ops : TTY=pts/6 ; PWD=/srv/app/releases ; USER=root',
    'errors affecting service communication and token handling.',
    'the secret: rotation.',
    'Deploy api-gateway v2.14.0 to prod (approvals 1/2) at 10:00',
    'token_expiry=3600 secret_name=orders-db',
    'password=[REDACTED] token=<redacted> api_key=$' + '{API_KEY}',
    'Authorization: Bearer <redacted>',
    'see https://docs.example.com/runbooks/db:pool',
    'SKIP and ACK the alert; task 4f2a done',
    'eyes.eyes.eyes',
    'key-value store latency up',
    // What a token is minted for, and shell expansions that hold no value of the variable.
    '`kubectl create token ml-k8s-admin -n scale-deploy --duration=30m`',
    '# allows: kubectl create token ml-k8s-admin -n scale-deploy',
    '$' + '{SA_TOKEN:+--kube-token="$SA_TOKEN"}',
    ': "$' + '{API_TOKEN:?set API_TOKEN first}"',
    'PGPASSWORD="$' + '{DB_PASSWORD:-$DEFAULT_PASSWORD}"',
    // Ids shown as evidence: request, trace and dataset ids, commit SHAs, digests.
    'request id 7c9e6679-7425-40de-944b-e07fc1f90ae7 returned 500',
    'trace_id=4bf92f3577b34da6a3ce929d0e0e4736 commit 3f2a9c1e5b7d8a0f1e2d3c4b5a69788776655443',
    'token id: 01HV3K8Z2Q9YQ7M4N6P5R8T0WX; dataset ds_01HV3K8Z2Q9YQ7M4N6P5R8T0WX',
    'image sha256:4b825dc642cb6eb9a060e54bf8d69288fbee4904 (x-request-id: req_8Hk2LmQ9vXz)',
  ])('leaves ordinary text alone: %j', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it('keeps the key and the quotes, so a JSON string quoting an assignment stays valid', () => {
    expect(redactSecrets('set "password=hunter22"')).toBe('set "password=[REDACTED]"');
    expect(redactSecrets('{"api_key": "0123456789abcdef"}')).toBe('{"api_key": "[REDACTED]"}');
    expect(redactSecrets('postgres://app:hunter2secret@db:5432')).toBe('postgres://app:[REDACTED]@db:5432');
  });

  it('ends a private key at its END line and keeps what follows', () => {
    const text =
      '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIENDxyz\n-----END EC PRIVATE KEY-----\nrotated (see INC-7)';
    expect(redactSecrets(text)).toBe('[REDACTED PRIVATE KEY]\nrotated (see INC-7)');
  });

  it('names the shapes a text holds, for a linter to report without the value', () => {
    expect(
      secretShapesIn(`hook https://hooks.slack.com/services/T01/B02/${r('a1b2', 6)} and password=hunter22`),
    ).toEqual(['slack-webhook-url', 'generic-api-key']);
    expect(secretShapesIn('-----BEGIN PRIVATE KEY-----')).toEqual(['private-key']);
    expect(secretShapesIn('token: cannot query')).toEqual([]);
  });

  it('is idempotent: redacting twice changes nothing more', () => {
    for (const { text } of plantedSecrets('twice')) {
      const once = redactSecrets(text);
      expect(redactSecrets(once)).toBe(once);
    }
  });

  it('keeps each rule as data with a gitleaks id or none, keywords in lower case and a global pattern', () => {
    for (const rule of secretRules) {
      expect(rule.pattern.flags).toContain('g');
      expect(rule.keywords.length).toBeGreaterThan(0);
      for (const k of rule.keywords) expect(k).toBe(k.toLowerCase());
      for (const id of rule.gitleaks) expect(id).toMatch(/^[a-z0-9-]+$/);
    }
    expect(new Set(secretRules.map((r) => r.id)).size).toBe(secretRules.length);
  });
});
