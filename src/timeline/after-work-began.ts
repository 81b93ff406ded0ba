import type { Event } from '../model/index.js';

/** An entry a document's words were read into, and whether its kind is the writer's own. */
export interface ReadEntry {
  event: Event;
  /**
   * A tag, a status or the line's own words ("the incident began when …", "acknowledged the
   * problem") state the kind.
   */
  stated: boolean;
}

/** An act told as changing something ("Clickhouse DB reactivated and plan upgraded") not yet read as mitigating. */
const changes = (e: Event) => e.signals.includes('change') && !e.signals.includes('mitigation');

const inStoryOrder = (a: Event, b: Event) => a.ts - b.ts || (a.source.line ?? 0) - (b.source.line ?? 0);

/**
 * Entries of one document's timeline with what was done after a responder began work on the
 * problem read as steps of that work. A change is one "not a response to the incident" (the
 * label guide); told after someone acknowledged or started on the problem ("Investigation
 * commenced", "Chris can reproduce the problem"), a deploy, a config change or a pipeline run is
 * the team working on it: an action that mitigates, which neither triggers the incident nor is
 * suspected of it; so does an act read as changing something ("DB reactivated and plan upgraded"). Before that, a change stays a change (the trigger often comes after the first
 * symptom is seen but before anyone works on it). Work begins once: a later line the words alone
 * read as beginning it ("Started a zoom call", "Misc. investigation non conclusive") is a step of
 * that work, an action; one that says it acknowledges ("Development team acknowledged the
 * problem") keeps its kind, as does any kind the writer stated.
 */
export function actsAfterWorkBegan(entries: ReadEntry[]): Map<Event, Event> {
  const byFile = new Map<string, ReadEntry[]>();
  for (const entry of entries) {
    const list = byFile.get(entry.event.source.file);
    if (list) list.push(entry);
    else byFile.set(entry.event.source.file, [entry]);
  }
  const out = new Map<Event, Event>();
  for (const list of byFile.values()) {
    let working: Event | undefined;
    for (const { event, stated } of [...list].sort((a, b) => inStoryOrder(a.event, b.event))) {
      const step = working && !stated && event.ts > working.ts;
      if (step && event.kind === 'change') {
        const signals = event.signals.includes('change')
          ? [...new Set([...event.signals, 'mitigation' as const])]
          : event.signals;
        out.set(event, { ...event, kind: 'action', signals });
      } else if (step && event.kind === 'action' && changes(event))
        out.set(event, { ...event, signals: [...event.signals, 'mitigation'] });
      else if (step && event.kind === 'ack')
        out.set(event, { ...event, kind: 'action', signals: event.signals.filter((s) => s !== 'ack') });
      if (!working && event.signals.includes('ack')) working = event;
    }
  }
  return out;
}
