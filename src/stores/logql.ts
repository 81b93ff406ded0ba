// A small scanner rather than a regex: LogQL strings hold any character, escapes included.

const isIdentStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdent = (c: string) => isIdentStart(c) || (c >= '0' && c <= '9');
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** End of the string opening at `at` (`"…"` with escapes, or a raw `` `…` ``), or -1 when it never closes. */
function stringEnd(query: string, at: number): number {
  const quote = query[at];
  for (let i = at + 1; i < query.length; i++) {
    if (quote === '"' && query[i] === '\\') i++;
    else if (query[i] === quote) return i + 1;
  }
  return -1;
}

/** Reads the `{name op "value", …}` selector at the start; returns its end or why it is not one. */
function selectorEnd(query: string, start: number): number | string {
  let i = start + 1;
  let matchers = 0;
  for (;;) {
    while (isSpace(query[i] ?? '')) i++;
    if (query[i] === '}' && matchers > 0) return i + 1;
    if (!isIdentStart(query[i] ?? '')) return `a label name was expected at character ${i + 1}`;
    while (isIdent(query[i] ?? '')) i++;
    while (isSpace(query[i] ?? '')) i++;
    const op = query.slice(i, i + 2);
    if (op === '=~' || op === '!~' || op === '!=') i += 2;
    else if (query[i] === '=') i++;
    else return `a matcher (=, !=, =~, !~) was expected at character ${i + 1}`;
    while (isSpace(query[i] ?? '')) i++;
    if (query[i] !== '"' && query[i] !== '`')
      return `a quoted label value was expected at character ${i + 1}`;
    const end = stringEnd(query, i);
    if (end < 0) return 'a label value is never closed';
    i = end;
    matchers++;
    while (isSpace(query[i] ?? '')) i++;
    if (query[i] === ',') i++;
    else if (query[i] !== '}') return `',' or '}' was expected at character ${i + 1}`;
  }
}

/**
 * Why a user-written LogQL query cannot be used, or null when it can: it must be one log query, a
 * stream selector `{app="checkout"}` and optionally a pipeline (`|= "error" | json`), so that it can
 * be wrapped in `count_over_time(… [1m])` without changing meaning. Outside quoted strings the
 * pipeline may not hold braces, range brackets, `;` or `#` comments, and its parentheses must
 * balance: nothing in it can close our wrapper and start another query.
 * @example logQueryProblem('{app="checkout"} |= "error"') // null
 */
export function logQueryProblem(
  query: string,
  { maxLength = 4096 }: { maxLength?: number } = {},
): string | null {
  if (query.length > maxLength) return `longer than ${maxLength} characters`;
  let i = 0;
  while (isSpace(query[i] ?? '')) i++;
  if (query[i] !== '{') return 'it must start with a stream selector such as {app="checkout"}';
  const end = selectorEnd(query, i);
  if (typeof end === 'string') return end;
  let depth = 0;
  for (i = end; i < query.length; i++) {
    const c = query[i];
    if (c === '"' || c === '`') {
      const close = stringEnd(query, i);
      if (close < 0) return 'a quoted string in the pipeline is never closed';
      i = close - 1;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (--depth < 0) return `an unmatched ')' at character ${i + 1}`;
    } else if ('{}[];#'.includes(c))
      return `'${c}' at character ${i + 1} is not allowed outside quotes (one log query: a selector and a pipeline)`;
  }
  return depth === 0 ? null : "an unclosed '('";
}

/** A Prometheus-style label name (`app`, `service_name`), the only thing put into `sum by (…)`. */
export const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
