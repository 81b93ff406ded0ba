import { type Analysis, blameless, CONVINCING, clock, span, storyClockOf } from '../analysis/index.js';
import { type Manifest, Report } from '../model/index.js';
import type { Timeline } from '../timeline/index.js';
import { describe } from './plain-words.js';

/**
 * The one-paragraph summary: what happened, how it was found, what ended it, what likely caused it.
 * It speaks in plain words and cites each moment's entry by ref, as "(REF)"; the entry's own text
 * (a pod name, an address, a log template) stays in the timeline, where it is quoted whole.
 * @example summarise(manifest, analysis) // 'Impact on checkout began at 13:09 UTC, with a failing health check of checkout (K8S-07). …'
 */
export function summarise(manifest: Manifest, a: Analysis): string {
  if (manifest.summary) return blameless(manifest.summary, a.people);
  const m = a.momentEvents;
  const parts: string[] = [];
  const services = manifest.services.length ? manifest.services.join(', ') : null;
  const cite = (e: { ref: string }) => `(${e.ref})`;
  // A moment on a later day than the first one told says its date ("07:51 UTC on 2021-06-03").
  const day = storyClockOf(m);
  const at = (e: { ts: number }) => day(e.ts);
  if (m.impactStart) {
    parts.push(
      `Impact${services ? ` on ${services}` : ''} began at ${clock(m.impactStart.ts)}, with ${describe(m.impactStart)} ${cite(m.impactStart)}.`,
    );
  } else {
    parts.push('The evidence records no symptom, so the start of impact is unknown.');
  }
  const later = a.durations.detect ? `, ${span(a.durations.detect * 1000)} later,` : '';
  if (m.detected?.signals.includes('detect'))
    parts.push(
      `It was detected at ${at(m.detected)}${later} through ${describe(m.detected)} ${cite(m.detected)}.`,
    );
  else if (m.detected)
    // No alert or report: the team at work (an acknowledgement, a declaration) is the first sign they knew.
    parts.push(
      `The team knew of it by ${at(m.detected)}${later} when ${describe(m.detected)} ${cite(m.detected)} shows them at work; how they learned of it is not recorded.`,
    );
  if (m.mitigationStarted)
    parts.push(
      `Mitigation began at ${at(m.mitigationStarted)} with ${describe(m.mitigationStarted)} ${cite(m.mitigationStarted)}.`,
    );
  if (m.recovered && a.durations.impact != null)
    parts.push(
      `Service recovered at ${at(m.recovered)}, ${span(a.durations.impact * 1000)} after impact began, with ${describe(m.recovered)} ${cite(m.recovered)}.`,
    );
  const top = a.suspects[0];
  const trigger = top && a.momentEvents.trigger?.ref === top.ref ? a.momentEvents.trigger : null;
  const what = trigger ? describe(trigger) : top ? describe({ kind: 'change', service: top.service }) : '';
  if (top && top.confidence >= CONVINCING)
    parts.push(
      `The most likely trigger is ${what} ${cite(top)}, with confidence ${top.confidence.toFixed(2)}.`,
    );
  else if (top)
    parts.push(
      `No change convincingly explains it; the strongest candidate, ${what} ${cite(top)}, has confidence ${top.confidence.toFixed(2)}.`,
    );
  else if (m.impactStart) parts.push('No change in the evidence explains it.');
  const breaches = a.findings.filter((f) => f.severity === 'high').map((f) => f.rule);
  if (breaches.length) parts.push(`Findings to review: ${[...new Set(breaches)].join(', ')}.`);
  return blameless(parts.join(' '), a.people);
}

/** Who signs a postmortem off, as seed 004's template lists them; names and dates are for people to fill. */
export const SIGN_OFF_ROLES = ['Incident commander', 'Engineering manager', 'SRE lead', 'Product manager'];

/** Builds the SPEC §3 report and validates it; an invalid report is a bug, never written out. */
export function toReport(manifest: Manifest, timeline: Timeline, a: Analysis): Report {
  // With no title in the manifest, what a postmortem in the bundle calls the incident (its top heading).
  const documentTitle = timeline.statements.find((s) => s.kind === 'title')?.text;
  const title =
    manifest.title ?? documentTitle ?? (manifest.id ? `Incident ${manifest.id}` : 'Incident postmortem');
  const report = {
    schemaVersion: 1 as const,
    incident: {
      id: manifest.id ?? null,
      title,
      severity: manifest.severity ?? null,
      services: manifest.services,
      summary: summarise(manifest, a),
      ...(manifest.product ? { product: manifest.product } : {}),
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
    narrative: a.narrative,
    signOff: SIGN_OFF_ROLES.map((role) => ({ role, name: null, date: null })),
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
