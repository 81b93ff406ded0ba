import { maskCards, secretShapesIn } from '../../redact/index.js';
import { allLines } from '../prose.js';
import type { LintFinding, LintRule } from '../rule.js';

/** What is written on a line that must never be published, by kind; never the value itself. */
function secretKinds(text: string): string[] {
  const kinds = secretShapesIn(text);
  return maskCards(text) === text ? kinds : [...kinds, 'payment card number'];
}

export const noSecrets: LintRule = {
  id: 'no-secrets',
  description:
    'No credentials or card numbers: the shapes the report redacts (API keys, tokens, webhooks, passwords, private keys).',
  cost: { each: 25, max: 50 },
  check({ doc }) {
    const findings: LintFinding[] = [];
    for (const { line, text } of allLines(doc)) {
      const kinds = secretKinds(text);
      if (kinds.length)
        findings.push({
          rule: 'no-secrets',
          line,
          message: `a secret (${kinds.join(', ')}) is written here; remove it and rotate the credential`,
        });
    }
    return findings;
  },
  examples: {
    ok: [
      '## Timeline\n\n- 12:04 UTC token rotated (Authorization: Bearer <redacted>)\n',
      '## Impact\n\nThe auth token: cannot query the replica; password reset emails were delayed.\n',
    ],
    notOk: [
      {
        markdown: `## Details\n\nkey AKIA${'ABCDEFGHIJKLMNOP'}\n\n\`curl https://admin:hunter22@db.internal/\`\n\n-----BEGIN RSA PRIVATE KEY-----\n`,
        lines: [3, 5, 7],
      },
      {
        markdown: `## Details\n\nalerts went to https://hooks.slack.com/services/T01ABCDEF23/B04GHIJKL56/${'a1b2'.repeat(6)}\n\nrefund to 4111 1111 1111 1111 failed\n\npublished npm_${'k7Pq'.repeat(9)}\n`,
        lines: [3, 5, 7],
      },
    ],
  },
};
