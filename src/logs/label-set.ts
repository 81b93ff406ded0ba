// A Prometheus/Loki label set written out (`{app="checkout", namespace="prod"}`), as `logcli`
// prints it before each line, and the service a stream's labels name.

/** The labels a stream carries, by name. */
export type Labels = Record<string, string>;

const isNameStart = (c: number) => c === 95 || ((c | 32) >= 97 && (c | 32) <= 122);
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

/**
 * The label set at `at` of `text` (`{name="value", …}`, values with `\"` and `\\` escapes) and where
 * it ends (just past its `}`), or null when none is there. One pass, no backtracking.
 * @example readLabelSet('{app="cart"} boom', 0) // { labels: { app: 'cart' }, end: 12 }
 */
export function readLabelSet(text: string, at: number): { labels: Labels; end: number } | null {
  if (text.charCodeAt(at) !== 123) return null;
  const labels: Labels = {};
  let p = at + 1;
  if (text.charCodeAt(p) === 125) return { labels, end: p + 1 };
  for (;;) {
    const nameStart = p;
    if (!isNameStart(text.charCodeAt(p))) return null;
    while (isNameChar(text.charCodeAt(p))) p++;
    const name = text.slice(nameStart, p);
    if (text.charCodeAt(p) !== 61 || text.charCodeAt(p + 1) !== 34) return null;
    p += 2;
    let value = '';
    for (;;) {
      if (p >= text.length) return null;
      const c = text.charCodeAt(p);
      if (c === 34) break;
      if (c === 92 && p + 1 < text.length) {
        value += text[p + 1];
        p += 2;
      } else {
        value += text[p];
        p++;
      }
    }
    labels[name] = value;
    p++;
    if (text.charCodeAt(p) === 125) return { labels, end: p + 1 };
    if (text.charCodeAt(p) !== 44) return null;
    p++;
    while (text.charCodeAt(p) === 32) p++;
  }
}

/** The service a stream's labels name: `service_name`, `service`, `app`, `application`, `container`, `job`'s last part. */
export function serviceFromLabels(labels: Record<string, unknown>): string | null {
  for (const key of ['service_name', 'service', 'app', 'application', 'container']) {
    const value = labels[key];
    if (typeof value === 'string' && value) return value;
  }
  return typeof labels.job === 'string' && labels.job ? (labels.job.split('/').at(-1) ?? null) : null;
}
