/** Secrets that must never reach any output, each with what replaces it. */
const SECRETS: [RegExp, string][] = [
  [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    '[REDACTED PRIVATE KEY]',
  ],
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [REDACTED]'],
  [/\b(sk|pk|rk)_(live|test)_[A-Za-z0-9]{8,}/g, '[REDACTED]'],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/g, '[REDACTED]'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, '[REDACTED]'],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}\b/g, '[REDACTED]'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, '[REDACTED]'],
  [/\bglpat-[A-Za-z0-9_-]{20,}\b/g, '[REDACTED]'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, '[REDACTED]'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '[REDACTED JWT]'],
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):([^\s@/]+)@/gi, '$1:[REDACTED]@'],
  [
    /\b([\w-]*(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|credentials?|token)[\w-]*)(["']?\s*[:=]\s*["']?)([^\s"',;&]{4,})/gi,
    '$1$2[REDACTED]',
  ],
];

/** Replaces secrets (tokens, API keys, passwords in URLs, private keys) in text. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRETS) out = out.replace(pattern, replacement);
  return out;
}

const PII: [RegExp, string][] = [
  [/\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, '[email]'],
  [/\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g, '[ip]'],
  [/\b(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4}\b/gi, '[ip]'],
  [/\b(user[_-]?id|uid|customer[_-]?id|account[_-]?id)(["']?\s*[:=#]\s*["']?)[\w-]+/gi, '$1$2[id]'],
  [/\b(user|customer|account)\s+#?\d{3,}\b/gi, '$1 [id]'],
  [/<@U[A-Z0-9]{6,}>|\bU[A-Z0-9]{8,}\b/g, '[user]'],
];

/** Masks personal data: e-mail addresses, IP addresses and user ids. */
export function maskPii(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PII) out = out.replace(pattern, replacement);
  return out;
}

/** Applies a text transform to every string inside a JSON-like value. */
export function mapStrings<T>(value: T, transform: (s: string) => string): T {
  if (typeof value === 'string') return transform(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, transform)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, transform)])) as T;
  }
  return value;
}
