/**
 * One fake secret per shape, built at run time so no scanner mistakes this file for a leak. Each
 * `secret` must never appear in any output; `text` is how it is written in evidence.
 */
export interface PlantedSecret {
  shape: string;
  secret: string;
  text: string;
}

const rep = (unit: string, n: number) => unit.repeat(n);

/** Plants a distinct secret for each shape; `tag` makes them differ between carriers. */
export function plantedSecrets(tag: string): PlantedSecret[] {
  const t = tag
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .padEnd(4, 'Q')
    .slice(0, 4);
  const hex = (n: number) => `${'c0ffee'}${rep('9f3a1b', 12)}`.slice(0, n);
  const tl = t.toLowerCase();
  const list: PlantedSecret[] = [];
  const add = (shape: string, secret: string, text: string) => list.push({ shape, secret, text });
  add('aws-access-key', `AKIA${t}${rep('Q7', 6)}`, `using key AKIA${t}${rep('Q7', 6)} for s3`);
  add(
    'aws-secret-key',
    `wJalr${t}tnFEMI/K7MDENG/bPxRfiCY${tl}KEY`,
    `aws_secret_access_key=wJalr${t}tnFEMI/K7MDENG/bPxRfiCY${tl}KEY`,
  );
  add('github-pat', `ghp_${t}${rep('a1B2c3', 5)}zz`, `cloned with ghp_${t}${rep('a1B2c3', 5)}zz`);
  add(
    'github-fine-grained-pat',
    `github_pat_11${t}${rep('Ab9_', 20)}`,
    `GH_TOKEN=github_pat_11${t}${rep('Ab9_', 20)}`,
  );
  add('gitlab-pat', `glpat-${t}${rep('x9Y8', 5)}`, `private token glpat-${t}${rep('x9Y8', 5)} used`);
  add(
    'slack-bot-token',
    `xoxb-1234567890-9876543210-${t}${rep('Zq1', 8)}`,
    `bot xoxb-1234567890-9876543210-${t}${rep('Zq1', 8)} posted`,
  );
  add(
    'slack-webhook-url',
    `T01${t}EF23/B04GHIJKL56/${tl}${rep('a1b2', 5)}`,
    `posting to https://hooks.slack.com/services/T01${t}EF23/B04GHIJKL56/${tl}${rep('a1b2', 5)} failed`,
  );
  add(
    'stripe-live-key',
    `sk_live_51${t}${rep('Hx9Lm', 5)}`,
    `charge with sk_live_51${t}${rep('Hx9Lm', 5)} failed`,
  );
  add('npm-token', `npm_${t}${rep('k7Pq', 8)}`, `//registry.npmjs.org/:_authToken=npm_${t}${rep('k7Pq', 8)}`);
  add('twilio-account-sid', `AC${hex(28)}${tl.replace(/[^a-f]/g, 'e')}`, '');
  add('twilio-api-key', `SK${hex(28)}${tl.replace(/[^a-f]/g, 'd')}`, '');
  add('sendgrid-api-key', `SG.${t}${rep('aB3', 6)}.${rep('Cd4_', 10)}${t}e`, '');
  add('gcp-private-key-id', `${hex(36)}${tl.replace(/[^a-f]/g, 'b')}`, '');
  add('google-api-key', `AIza${t}${rep('Sy9_', 7)}Xy1`, `maps key AIza${t}${rep('Sy9_', 7)}Xy1 blocked`);
  add(
    'jwt',
    `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ${t}IiwiaWF0IjoxNTE2MjM5MDIyfQ.${rep('SflKxw', 4)}${t}`,
    `cookie session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ${t}IiwiaWF0IjoxNTE2MjM5MDIyfQ.${rep('SflKxw', 4)}${t}`,
  );
  add(
    'url-password',
    `Hx${t}pw-93kd`,
    `connect postgres://app:Hx${t}pw-93kd@db-01.prod.internal:5432/orders`,
  );
  add('bearer-token', `abc${t}123def456ghi789`, `Authorization: Bearer abc${t}123def456ghi789`);
  add('basic-auth', `dXNlcjpwYXNz${t}d29yZDEyMw==`, `Authorization: Basic dXNlcjpwYXNz${t}d29yZDEyMw==`);
  add('password-assignment', `hunter22${tl}`, `set "password=hunter22${tl}" in the config`);
  add('api-key-json', `0123456789${tl}abcdef`, `{"api_key": "0123456789${tl}abcdef"}`);
  add(
    'private-key',
    `MIIEow${t}BAAKCAQEAvR8n`,
    `-----BEGIN RSA PRIVATE KEY-----\nMIIEow${t}BAAKCAQEAvR8n\nq7d3Lk9${t}Zp0vZ2\n-----END RSA PRIVATE KEY-----`,
  );
  add('card-number', '', '');
  const cards: Record<string, string> = {
    ALRT: '4539 1488 0343 6467',
    CHAT: '5555 5555 5555 4444',
    LOGJ: '4012888888881881',
    LOGP: '3782 822463 10005',
    DEPL: '6011 1111 1111 1117',
    JIRA: '4111-1111-1111-1111',
    TITL: '5105105105105100',
    SUMM: '4000056655665556',
  };
  return list.map((s) => {
    if (s.shape === 'twilio-account-sid') return { ...s, text: `twilio account ${s.secret} throttled` };
    if (s.shape === 'twilio-api-key') return { ...s, text: `twilio key ${s.secret} revoked` };
    if (s.shape === 'sendgrid-api-key') return { ...s, text: `mail via ${s.secret} bounced` };
    if (s.shape === 'gcp-private-key-id')
      return { ...s, text: `{"type": "service_account", "private_key_id": "${s.secret}"}` };
    if (s.shape === 'card-number') {
      const card = cards[t] ?? '4242 4242 4242 4242';
      return { shape: s.shape, secret: card, text: `refund to card ${card} failed` };
    }
    return s;
  });
}

/** Every planted secret found in a text, by shape. */
export const leaksIn = (text: string, secrets: PlantedSecret[]) =>
  secrets
    .filter((s) => text.includes(s.secret) || text.includes(s.secret.replace(/[ -]/g, '')))
    .map((s) => s.shape);
