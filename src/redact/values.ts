import { SECRET_LABEL } from './secrets.js';

/** Applies a text transform to every string inside a JSON-like value. */
export function mapStrings<T>(value: T, transform: (s: string) => string): T {
  if (typeof value === 'string') return transform(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, transform)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, transform)])) as T;
  }
  return value;
}

/** A field whose value is a credential whatever it looks like: { password: 'letmein' }. */
const SECRET_KEY =
  /^(?:.{0,40}[_.-])?(?:passw(?:or)?d|passphrase|pwd|secret|client[_.-]?secret|token|access[_.-]?token|refresh[_.-]?token|id[_.-]?token|auth[_.-]?token|api[_.-]?key|apikey|access[_.-]?key|secret[_.-]?access[_.-]?key|private[_.-]?key(?:[_.-]?id)?|credentials?|authorization|cookie|set[_.-]?cookie|x[_.-]?api[_.-]?key)$/i;

/** True when a field's name says its value is a secret. */
export const isSecretKey = (key: string) => key.length <= 80 && SECRET_KEY.test(key);

/**
 * Redacts every string inside a JSON-like value with `text`, and replaces outright the string
 * values of fields named like credentials (password, token, api_key, authorization, …).
 */
export function redactValue<T>(value: T, text: (s: string) => string): T {
  if (typeof value === 'string') return text(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, text)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        isSecretKey(k) && typeof v === 'string' && v !== '' ? SECRET_LABEL : redactValue(v, text),
      ]),
    ) as T;
  }
  return value;
}
