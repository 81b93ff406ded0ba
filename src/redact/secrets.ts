import { redactPrivateKeys } from './private-keys.js';
import { type SecretRule, secretRules } from './secret-rules.js';

export const SECRET_LABEL = '[REDACTED]';

/** Runs one rule: replaces the secret part of each match unless the rule keeps it. */
function applyRule(text: string, rule: SecretRule): string {
  return text.replace(rule.pattern, (...args: unknown[]) => {
    const match = args[0] as string;
    const last = args[args.length - 1];
    const groups = (typeof last === 'object' && last ? last : {}) as Record<string, string | undefined>;
    const pre = groups.pre ?? '';
    const post = groups.post ?? '';
    const secret = match.slice(pre.length, match.length - post.length);
    if (rule.keep?.(secret, groups)) return match;
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
  if (text.length < 8) return text;
  let out = redactPrivateKeys(text);
  const lower = out.toLowerCase();
  for (const rule of secretRules) {
    if (rule.keywords.some((k) => lower.includes(k))) out = applyRule(out, rule);
  }
  return out;
}
