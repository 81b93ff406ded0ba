import { PRIVATE_KEY_LABEL, redactPrivateKeys } from './private-keys.js';
import { type SecretRule, secretRules } from './secret-rules.js';

export const SECRET_LABEL = '[REDACTED]';

/** Runs one rule: replaces the secret part of each match unless the rule keeps it. */
function applyRule(text: string, rule: SecretRule, onFound?: () => void): string {
  return text.replace(rule.pattern, (...args: unknown[]) => {
    const match = args[0] as string;
    const last = args[args.length - 1];
    const groups = (typeof last === 'object' && last ? last : {}) as Record<string, string | undefined>;
    const pre = groups.pre ?? '';
    const post = groups.post ?? '';
    const secret = match.slice(pre.length, match.length - post.length);
    if (rule.keep?.(secret, groups)) return match;
    onFound?.();
    return `${pre}${rule.label ?? SECRET_LABEL}${post}`;
  });
}

/**
 * Replaces every secret shape (cloud keys, VCS and chat tokens, webhooks, SaaS API keys, JWTs,
 * private keys, passwords in URLs, auth headers, key=value assignments) in a text. Linear in the
 * text: a rule runs only when one of its keywords occurs, and every pattern is bounded.
 * @example redactSecrets('password=hunter22 at db') // 'password=[REDACTED] at db'
 */
export function redactSecrets(text: string): string {
  return scan(text).text;
}

/**
 * The secret shapes a text holds, by rule id (`private-key` for an armoured key); what a linter
 * reports without repeating the secret.
 * @example secretShapesIn('hook https://hooks.slack.com/services/T0/B0/x…') // ['slack-webhook-url']
 */
export function secretShapesIn(text: string): string[] {
  return scan(text).found;
}

function scan(text: string): { text: string; found: string[] } {
  const found: string[] = [];
  if (text.length < 8) return { text, found };
  let out = redactPrivateKeys(text);
  if (out.includes(PRIVATE_KEY_LABEL) && !text.includes(PRIVATE_KEY_LABEL)) found.push('private-key');
  const lower = out.toLowerCase();
  for (const rule of secretRules) {
    if (!rule.keywords.some((k) => lower.includes(k))) continue;
    out = applyRule(out, rule, () => {
      if (!found.includes(rule.id)) found.push(rule.id);
    });
  }
  return { text: out, found };
}
