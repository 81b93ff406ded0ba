/**
 * Personal data, each with what replaces it. Every quantifier is bounded and an address starts only
 * where no address character precedes it, so masking stays linear.
 */
const PII: [RegExp, string][] = [
  [
    /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g,
    '[email]',
  ],
  [/\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g, '[ip]'],
  [/\b(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4}\b/gi, '[ip]'],
  [
    /\b(user[_-]?id|uid|customer[_-]?id|account[_-]?id)(["']?[ \t]{0,3}[:=#][ \t]{0,3}["']?)[\w-]{1,100}/gi,
    '$1$2[id]',
  ],
  [/\b(user|customer|account)[ \t]{1,3}#?\d{3,30}\b/gi, '$1 [id]'],
  [/<@U[A-Z0-9]{6,30}>|\bU[A-Z0-9]{8,30}\b/g, '[user]'],
];

/**
 * Masks personal data: e-mail addresses, IP addresses and user ids.
 * @example maskPii('jane@example.com from 10.2.3.4') // '[email] from [ip]'
 */
export function maskPii(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PII) out = out.replace(pattern, replacement);
  return out;
}
