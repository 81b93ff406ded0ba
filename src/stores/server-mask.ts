import { SERVER_KEYS, SERVER_MASK } from './clickhouse-sql.js';

const words = new RegExp(SERVER_MASK, 'g');
const keys = new RegExp(SERVER_KEYS, 'g');

/**
 * What ClickHouse groups a message by, computed here: `replaceRegexpAll(message, SERVER_MASK, '0')`
 * and `extractAll(message, SERVER_KEYS)`, joined by a NUL (RE2 and JavaScript agree on these
 * patterns: ASCII `\b`, leftmost matches). The tests hold the two to the same answers, and the
 * masker to never telling apart two lines this merges.
 * @example serverMask('took 42 ms') // 'took 0 ms\u0000'
 */
export function serverMask(message: string): string {
  return `${message.replace(words, '0')}\u0000${(message.match(keys) ?? []).join('\u0001')}`;
}

const isWordChar = (c: string) => /[0-9A-Za-z_]/.test(c);
const isKeyEnd = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

/**
 * True when ClickHouse finds `SERVER_MASKED_KEY` (clickhouse-sql.ts) in the masked message: a `0` standing alone in
 * the part of a token before an `=`. Written as one pass, not as the pattern, so it stays linear
 * in JavaScript's backtracking engine; the tests hold it to the server's answers.
 * @example hasMaskedKey('latency p99=120ms') // true: the masked line is 'latency 0=0'
 */
export function hasMaskedKey(message: string): boolean {
  const masked = message.replace(words, '0');
  let zero = false; // a standalone 0 since the last space or `=`
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c === '=') {
      if (zero) return true;
    } else if (!isKeyEnd(c)) {
      if (c === '0' && !isWordChar(masked[i - 1] ?? ' ') && !isWordChar(masked[i + 1] ?? ' ')) zero = true;
      continue;
    }
    zero = false;
  }
  return false;
}
