import { maskCards } from './cards.js';
import { maskPii } from './pii.js';
import { redactSecrets } from './secrets.js';
import { redactValue } from './values.js';

export { CARD_LABEL, isCardNumber, luhnValid, maskCards } from './cards.js';
export { maskPii } from './pii.js';
export { PRIVATE_KEY_LABEL, redactPrivateKeys } from './private-keys.js';
export { type SecretRule, secretRules } from './secret-rules.js';
export { redactSecrets, SECRET_LABEL, secretShapesIn } from './secrets.js';
export { isSecretKey, mapStrings, redactValue } from './values.js';

export interface RedactOptions {
  /** Mask personal data too (e-mail addresses, IPs, user ids). */
  pii?: boolean;
}

/**
 * The one text redaction: secrets and card numbers always, personal data with `pii`.
 * @example redactText('token=ghp_… by jane@example.com', { pii: true })
 */
export function redactText(text: string, { pii = false }: RedactOptions = {}): string {
  const out = maskCards(redactSecrets(text));
  return pii ? maskPii(out) : out;
}

/** Redacts every string of a JSON-like value, and the values of credential-named fields. */
export const redactAll = <T>(value: T, options: RedactOptions = {}): T =>
  redactValue(value, (s) => redactText(s, options));
