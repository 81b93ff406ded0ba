import type { Event, Manifest } from '../model/index.js';

/**
 * The events that tell this incident's course. When the manifest names the affected services,
 * another service's own trouble (its alert fired and resolved on its own) is kept in the timeline
 * but carries no signal here; services without symptoms (a pipeline, a chat channel) are untouched.
 * If nothing of the named services shows a symptom, the evidence is taken as it is.
 */
export function scopeToIncident(events: Event[], manifest: Manifest): Event[] {
  if (!manifest.services.length) return events;
  const affected = new Set(manifest.services);
  const troubled = new Set(
    events
      .filter((e) => e.service && !affected.has(e.service) && e.signals.includes('symptom'))
      .map((e) => e.service),
  );
  if (!troubled.size) return events;
  const scoped = events.map((e) => (e.service && troubled.has(e.service) ? { ...e, signals: [] } : e));
  return scoped.some((e) => e.signals.includes('symptom')) ? scoped : events;
}
