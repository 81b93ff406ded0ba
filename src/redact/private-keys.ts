/**
 * The armour line that opens a private key (gitleaks rule `private-key`). Its dashes are optional:
 * a Markdown reader may have taken them for a list marker or a rule.
 */
const BEGIN = /BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-{0,5}/y;
const END = /-{0,5}END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-{0,5}/g;
/** Characters of a key body with no END line: base64, line breaks (real or escaped) and headers. */
const BODY = /[A-Za-z0-9+/=\s\\:,.-]{0,20000}/y;
/** Longest armoured key kept whole; a 8192-bit RSA key is under 7 KB. */
const MAX_KEY = 20_000;

export const PRIVATE_KEY_LABEL = '[REDACTED PRIVATE KEY]';

/**
 * Replaces each armoured private key, from BEGIN to its END line, or to the end of its body when
 * the END is missing. Remembers where the next END line is and searches only forward from it, so
 * a text of many BEGIN lines and no END is still read once.
 */
export function redactPrivateKeys(text: string): string {
  if (!text.includes('BEGIN')) return text;
  let out = '';
  let from = 0;
  // The next END line: searched forward only, and again only once a key starts past it.
  let end: { at: number; stop: number } | null | undefined;
  for (let at = text.indexOf('BEGIN', from); at !== -1; at = text.indexOf('BEGIN', from)) {
    BEGIN.lastIndex = at;
    if (!BEGIN.test(text)) {
      out += text.slice(from, at + 5);
      from = at + 5;
      continue;
    }
    let start = at;
    while (start > from && at - start < 5 && text[start - 1] === '-') start--;
    const bodyStart = BEGIN.lastIndex;
    if (end === undefined || (end && end.at < bodyStart)) {
      END.lastIndex = bodyStart;
      const found = END.exec(text);
      end = found ? { at: found.index, stop: found.index + found[0].length } : null;
    }
    let stop = -1;
    if (end && end.at - bodyStart <= MAX_KEY) stop = end.stop;
    if (stop === -1) {
      BODY.lastIndex = bodyStart;
      BODY.test(text);
      stop = BODY.lastIndex;
    }
    out += text.slice(from, start) + PRIVATE_KEY_LABEL;
    from = stop;
  }
  return out + text.slice(from);
}
