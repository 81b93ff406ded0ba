// What an evidence entry was, said in plain words: the summary cites the entry, the timeline quotes it.

/** The parts of an event or timeline entry that say what it was, without quoting its text. */
export interface Described {
  kind: string;
  service: string | null;
  attrs?: Record<string, unknown>;
  /** The entry's own words, to tell a deploy from another change. */
  summary?: string;
  /** What the entry signals, to say what a note recorded. */
  signals?: readonly string[];
}

/** A note by what it records: the service back, the problem seen, or only an entry. */
const noteOf = (e: Described) =>
  e.signals?.includes('recovery')
    ? `a note that ${e.service ?? 'the service'} was back`
    : e.signals?.includes('symptom')
      ? 'a note of the problem'
      : 'a note in the evidence';

/** Words that make a change a deploy: a release shipped, rolled out, deployed. */
const DEPLOYED =
  /\b(?:deploy\w{0,6}|releas\w{0,4}|roll(?:ed|ing)?[\s-]?outs?|ship(?:ped|s)?|pushed\s{1,3}to\s{1,3}prod\w{0,6})\b/i;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
// A version as deploy tools write it (v3.8.0, 3.12.0, 2024.05.1-rc1); anything longer is no version.
const VERSION = /^v?\d{1,6}(?:\.\d{1,6}){0,3}(?:[-+][\w.]{1,20})?$/;
const versionOf = (attrs: Record<string, unknown>) => {
  const v = text(attrs.version);
  return v && VERSION.test(v) ? v : null;
};

const MEASURES: Record<string, string> = {
  errorRate: 'error rate',
  latencyMs: 'latency',
  requestRate: 'request rate',
  saturation: 'saturation',
};

/** "of checkout" when the entry names its service. */
const of = (service: string | null) => (service ? ` of ${service}` : '');
const inService = (service: string | null) => (service ? ` in ${service}` : '');

/** A noun phrase for an entry, as a clause that follows "when" or "with": "a deploy of checkout v3.8.0". */
export function describe(e: Described): string {
  const attrs = e.attrs ?? {};
  const version = versionOf(attrs);
  const measure = MEASURES[text(attrs.measure) ?? ''];
  switch (e.kind) {
    case 'change':
      // A line read as a change that names nothing changed is told as what it is: an entry.
      if (attrs.unnamedChange) return 'a note in the evidence';
      // A change a source states (a deploy record) or whose words say it was deployed is a deploy.
      if (e.summary === undefined || version || DEPLOYED.test(e.summary))
        return `a deploy${of(e.service)}${version ? ` ${version}` : ''}`;
      return `a change${of(e.service)}`;
    case 'rollback':
      return `a rollback${of(e.service)}${version ? ` to ${version}` : ''}`;
    case 'health':
      // A run of checks that all passed, or a guard's recovered state, is the check passing again.
      if (attrs.failedChecks === 0 || attrs.state === 'recovered')
        return `the health check${of(e.service)} passing again`;
      return `a failing health check${of(e.service)}`;
    case 'log':
      return attrs.phase === 'last-seen'
        ? `the last error in the logs${of(e.service)}`
        : `errors in the logs${of(e.service)}`;
    case 'metric':
      if (attrs.phase === 'recovered')
        return `the ${measure ?? 'metric'}${of(e.service)} returning to its baseline`;
      if (attrs.phase === 'peak') return `the peak of the ${measure ?? 'metrics'}${of(e.service)}`;
      return `a rise in the ${measure ?? 'metrics'}${of(e.service)}`;
    case 'alert':
      return `an alert${inService(e.service)}`;
    case 'alert_resolved':
      return `the alert${inService(e.service)} resolving`;
    case 'page':
      return 'a page to the on-call responder';
    case 'ack':
      return 'an acknowledgement by a responder';
    case 'report':
      return 'a report from a user';
    case 'chat':
      return 'a message from the responders';
    case 'ticket':
      return 'a ticket';
    case 'action':
      return 'an action by a responder';
    default:
      return noteOf(e);
  }
}

// Refs are one token each: no spaces, brackets or commas, and bounded, so the pattern stays linear.
const CITATION = / ?\(([^\s(),]{1,200}(?:, [^\s(),]{1,200}){0,20})\)/g;

/** Each `(REF)` or `(REF, REF)` of the text whose refs are all known, as `fn` returns it. */
function mapCitations(body: string, known: Set<string>, fn: (refs: string[], whole: string) => string) {
  return body.replace(CITATION, (whole, list: string) => {
    const refs = list.split(', ');
    return refs.every((r) => known.has(r)) ? fn(refs, whole) : whole;
  });
}

/** The text with its citations of timeline refs as `[[REF]]` marks, for documents that link them. */
export const linkCitations = (body: string, known: Set<string>) =>
  mapCitations(
    body,
    known,
    (refs, whole) => `${whole.startsWith(' ') ? ' ' : ''}(${refs.map((r) => `[[${r}]]`).join(', ')})`,
  );

/** The text without its citations of timeline refs, for documents that have no timeline. */
export const dropCitations = (body: string, known: Set<string>) => mapCitations(body, known, () => '');
