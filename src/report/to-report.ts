import { type Analysis, blameless, CONVINCING, clock, span } from '../analysis/index.js';
import { type Manifest, Report } from '../model/index.js';
import type { Timeline } from '../timeline/index.js';

/** The one-paragraph summary: what happened, how it was found, what ended it, what likely caused it. */
/** An event's own words, shortened for a sentence. */
const gist = (text: string) =>
  (text.length > 100 ? `${text.slice(0, 97).trimEnd()}…` : text).replace(/[.]+$/, '');

export function summarise(manifest: Manifest, a: Analysis): string {
  if (manifest.summary) return blameless(manifest.summary, a.people);
  const m = a.momentEvents;
  const parts: string[] = [];
  const services = manifest.services.length ? manifest.services.join(', ') : null;
  if (m.impactStart) {
    parts.push(
      `Impact${services ? ` on ${services}` : ''} began at ${clock(m.impactStart.ts)} (${gist(m.impactStart.summary)}).`,
    );
  } else {
    parts.push('The evidence records no symptom, so the start of impact is unknown.');
  }
  if (m.detected)
    parts.push(
      `It was detected at ${clock(m.detected.ts)}${a.durations.detect ? `, ${span(a.durations.detect * 1000)} later` : ''}.`,
    );
  if (m.mitigationStarted)
    parts.push(
      `Mitigation began at ${clock(m.mitigationStarted.ts)} (${gist(m.mitigationStarted.summary)}).`,
    );
  if (m.recovered && a.durations.impact != null)
    parts.push(
      `Service recovered at ${clock(m.recovered.ts)}, ${span(a.durations.impact * 1000)} after impact began.`,
    );
  const top = a.suspects[0];
  if (top && top.confidence >= CONVINCING)
    parts.push(
      `The most likely trigger is ${top.ref}, "${gist(top.summary)}" (confidence ${top.confidence.toFixed(2)}).`,
    );
  else if (top)
    parts.push(
      `No change convincingly explains it; the strongest candidate, ${top.ref}, has confidence ${top.confidence.toFixed(2)}.`,
    );
  else if (m.impactStart) parts.push('No change in the evidence explains it.');
  const breaches = a.findings.filter((f) => f.severity === 'high').map((f) => f.rule);
  if (breaches.length) parts.push(`Findings: ${[...new Set(breaches)].join(', ')}.`);
  return blameless(parts.join(' '), a.people);
}

/** Builds the SPEC §3 report and validates it; an invalid report is a bug, never written out. */
export function toReport(manifest: Manifest, timeline: Timeline, a: Analysis): Report {
  const title = manifest.title ?? (manifest.id ? `Incident ${manifest.id}` : 'Incident postmortem');
  const report = {
    schemaVersion: 1 as const,
    incident: {
      id: manifest.id ?? null,
      title,
      severity: manifest.severity ?? null,
      services: manifest.services,
      summary: summarise(manifest, a),
    },
    zone: timeline.zone,
    timeline: timeline.events.map((e) => ({
      ts: new Date(e.ts).toISOString(),
      kind: e.kind,
      service: e.service,
      ref: e.ref,
      summary: e.summary,
      source: e.source,
      ...(e.sources.length > 1 ? { sources: e.sources } : {}),
      ...(e.details.length ? { details: e.details } : {}),
      ...(Object.keys(e.attrs).length ? { attrs: e.attrs } : {}),
      ...(e.folded?.length
        ? { folded: e.folded.map((f) => ({ ...f, ts: new Date(f.ts).toISOString() })) }
        : {}),
    })),
    moments: a.moments,
    durations: a.durations,
    suspects: a.suspects,
    findings: a.findings,
    claims: a.claims,
    impact: a.impact,
    followUps: a.followUps,
    gaps: a.gaps,
    dataQuality: {
      filesRead: timeline.filesRead,
      eventsRead: timeline.eventsRead,
      linesSkipped: timeline.linesSkipped,
      problems: timeline.problems,
      notes: timeline.notes,
    },
  };
  return Report.parse(report);
}
