import type { Event, EventKind } from '../model/index.js';

const MINUTE = 60_000;

/** Kinds that describe the same occurrence when two tools record it (an alert and the page it caused). */
const FAMILY: Partial<Record<EventKind, string>> = {
  alert: 'firing',
  page: 'firing',
  alert_resolved: 'resolved',
  change: 'change',
  rollback: 'rollback',
};

/** How far apart two tools' clocks and pipelines may put one occurrence. */
const WINDOW: Record<string, number> = {
  firing: 5 * MINUTE,
  resolved: 5 * MINUTE,
  change: 15 * MINUTE,
  rollback: 15 * MINUTE,
};

/** How far apart one line posted by two tools may be, when they say it word for word. */
const SAME_WORDS_MS = MINUTE;
const wordsOf = (summary: string) => summary.toLowerCase().replace(/\s+/g, ' ').trim();

const text = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v).toLowerCase() : null;

/** Identities a tool states for what it recorded: alert fingerprint or name, deployment id, commit, version. */
function keys(e: Event): string[] {
  const a = e.attrs;
  const service = e.service?.toLowerCase() ?? '';
  const out: string[] = [];
  const fingerprint = text(a.fingerprint);
  if (fingerprint) out.push(`fp:${fingerprint}`);
  const alertname = text(a.alertname);
  if (alertname) out.push(`alert:${alertname}:${service}`);
  const deployment = text(a.deploymentId);
  if (deployment) out.push(`deploy:${deployment}`);
  const sha = text(a.sha);
  if (sha && sha.length >= 7) out.push(`sha:${sha.slice(0, 7)}`);
  const version = text(a.version) ?? text(a.image);
  if (version && service) out.push(`version:${service}:${version.replace(/^.*:/, '').replace(/^v/, '')}`);
  return out;
}

/**
 * An alert named in the text of a page ("[FIRING:1] HighErrorRate …"), or of an alert or its
 * resolution that a paging tool relayed without a name of its own (an Opsgenie alert "[orders]
 * DatabaseConnectionErrors: …"), is the alert that paged: the same occurrence.
 */
function namesAlert(relayed: Event, alert: Event): boolean {
  const name = text(alert.attrs.alertname);
  if (!name || alert.kind === 'page') return false;
  const relays = relayed.kind === 'page' || (relayed.kind === alert.kind && !text(relayed.attrs.alertname));
  if (!relays) return false;
  const at = relayed.summary.toLowerCase().indexOf(name);
  const after = relayed.summary[at + name.length] ?? ' ';
  const before = relayed.summary[at - 1] ?? ' ';
  return at >= 0 && !/\w/.test(before) && !/\w/.test(after);
}

/**
 * True when two entries from different tools record one occurrence: same family of kind, close in
 * time, and a shared identity (fingerprint, alert name and service, deployment, commit or version).
 */
export function sameOccurrence(a: Event, b: Event): boolean {
  // One tool's own id seen again (a deployment and its status delivery) is the same record.
  if (a.ownRef && b.ownRef && a.ref === b.ref && a.kind === b.kind) return true;
  const family = FAMILY[a.kind];
  if (!family || family !== FAMILY[b.kind] || a.source.file === b.source.file) return false;
  if (Math.abs(a.ts - b.ts) > WINDOW[family]) return false;
  if (namesAlert(a, b) || namesAlert(b, a)) return true;
  // One tool's line posted word for word by another (a deploy tool's log and its bot in a channel).
  if (Math.abs(a.ts - b.ts) <= SAME_WORDS_MS && wordsOf(a.summary) === wordsOf(b.summary)) return true;
  const ka = new Set(keys(a));
  return keys(b).some((k) => ka.has(k));
}
