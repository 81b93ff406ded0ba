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
      // A token minted for a named account, a shell expansion that only passes it on, and ids shown
      // as evidence (scaleapi/llm-engine, Apache-2.0).
      '## Fix\n\n`just deploy prod` runs `kubectl create token ml-k8s-admin -n scale-deploy --duration=30m`.\n\n```\nhelm upgrade $' +
        '{SA_TOKEN:+--kube-token="$SA_TOKEN"} --atomic\n```\n',
      '## Timeline\n\n- 23:50 request 7c9e6679-7425-40de-944b-e07fc1f90ae7 failed; trace_id=4bf92f3577b34da6a3ce929d0e0e4736, image sha256:4b825dc642cb\n',
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
      {
        // A token after "token" that is no name, a Bearer value, a default written into an expansion.
        markdown: `## Details\n\nran with token 7c9e6679-7425-40de-944b-e07fc1f90ae7\n\nAuthorization: Bearer ${'Zx81kPq0'.repeat(3)}\n\nPGPASSWORD="\${DB_PASSWORD:-hunter2xyz}" psql\n`,
        lines: [3, 5, 7],
      },
    ],
  },
};
