import type { Event, Manifest } from '../model/index.js';

const SIGNALLED = new Set(['symptom', 'detect', 'recovery']);

/** What names one alert across its firing and its resolution: a fingerprint, else its name and instance. */
function alertKey(e: Event): string | null {
  const fingerprint = e.attrs.fingerprint;
  if (typeof fingerprint === 'string' && fingerprint) return `fp:${fingerprint}`;
  const name = e.attrs.alertname;
  if (typeof name !== 'string' || !name) return null;
  const labels = (e.attrs.labels ?? {}) as Record<string, unknown>;
  return `name:${name}:${String(labels.instance ?? '')}`;
}

/**
 * Alerts of no named service that fired and were resolved, both before anything of the affected
 * services showed a symptom (a disk warning on a batch host the evening before, a certificate
 * expiring at dawn): another episode, however near in the export. Only tool alerts are paired, by
 * their fingerprint or name: a person's timeline names no alert's identity.
 */
function earlierEpisodes(events: Event[], affected: Set<string>): Set<Event> {
  const first = events.find((e) => e.service && affected.has(e.service) && e.signals.includes('symptom'));
  const out = new Set<Event>();
  if (!first) return out;
  for (const alert of events) {
    if (alert.kind !== 'alert' || alert.ts >= first.ts || (alert.service && affected.has(alert.service)))
      continue;
    const key = alertKey(alert);
    const resolved =
      key && events.find((e) => e.kind === 'alert_resolved' && e.ts >= alert.ts && alertKey(e) === key);
    if (resolved && resolved.ts < first.ts) out.add(alert).add(resolved);
  }
  return out;
}

const withoutSignals = (e: Event): Event => ({ ...e, signals: e.signals.filter((s) => !SIGNALLED.has(s)) });

/**
 * The events that tell this incident's course. When the manifest names the affected services,
 * another service's own trouble (its alert fired and resolved on its own) is kept in the timeline
 * but carries no signal here, and so is an alert of no named service that fired and resolved before
 * the affected services showed anything; services without symptoms (a pipeline, a chat channel)
 * are untouched. If nothing of the named services shows a symptom, the evidence is taken as it is.
 */
export function scopeToIncident(events: Event[], manifest: Manifest): Event[] {
  if (!manifest.services.length) return events;
  const affected = new Set(manifest.services);
  const troubled = new Set(
    events
      .filter((e) => e.service && !affected.has(e.service) && e.signals.includes('symptom'))
      .map((e) => e.service),
  );
  const earlier = earlierEpisodes(events, affected);
  if (!troubled.size && !earlier.size) return events;
  const scoped = events.map((e) =>
    e.service && troubled.has(e.service) ? { ...e, signals: [] } : earlier.has(e) ? withoutSignals(e) : e,
  );
  return scoped.some((e) => e.signals.includes('symptom')) ? scoped : events;
}
