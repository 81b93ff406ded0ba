import { allLines } from '../prose.js';
import type { LintFinding, LintRule } from '../rule.js';

/** Credentials that must never be published; the message names the kind, never the value. */
const SECRETS: [string, RegExp][] = [
  ['private key', /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/],
  ['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['Stripe live key', /\b[sr]k_live_[0-9A-Za-z]{10,}\b/],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{30,}\b/],
  ['Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['bearer token', /\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/],
  ['password in a URL', /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@/i],
  [
    'password',
    /\b(?:password|passwd|pwd|secret|api[_-]?key|token)\s*[=:]\s*["']?(?!\*+|<|\[|\$\{)[^\s"',;]{6,}/i,
  ],
];

export const noSecrets: LintRule = {
  id: 'no-secrets',
  description: 'No credentials: bearer tokens, API keys (sk_live_, AKIA…), passwords in URLs, private keys.',
  cost: { each: 25, max: 50 },
  check({ doc }) {
    const findings: LintFinding[] = [];
    for (const { line, text } of allLines(doc)) {
      for (const [kind, pattern] of SECRETS) {
        if (pattern.test(text)) {
          findings.push({
            rule: 'no-secrets',
            line,
            message: `a ${kind} is written here; remove it and rotate the credential`,
          });
          break;
        }
      }
    }
    return findings;
  },
  examples: {
    ok: ['## Timeline\n\n- 12:04 UTC token rotated (Authorization: Bearer <redacted>)\n'],
    notOk: [
      {
        markdown: `## Details\n\nkey AKIA${'ABCDEFGHIJKLMNOP'}\n\n\`curl https://admin:hunter22@db.internal/\`\n\n-----BEGIN RSA PRIVATE KEY-----\n`,
        lines: [3, 5, 7],
      },
    ],
  },
};
