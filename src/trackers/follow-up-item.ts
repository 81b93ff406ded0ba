import { z } from 'zod';

/**
 * What the export reads of a follow-up: `type`, `ownerRole` and `priority` are used when the
 * report has them and never required, so reports written before or after they appear both work.
 */
const FollowUpFields = z.object({
  id: z.string().min(1),
  action: z.string().min(1),
  type: z.string().optional(),
  ownerRole: z.string().optional(),
  priority: z.string().optional(),
  evidenceRefs: z.array(z.string()).default([]),
});

const TimelineFields = z.object({
  ts: z.string(),
  ref: z.string(),
  summary: z.string(),
  source: z.object({ file: z.string(), line: z.number().nullable().optional() }).optional(),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

/** The parts of a SPEC §3 report the export reads; anything else in it is left alone. */
export const ExportableReport = z.object({
  schemaVersion: z.literal(1),
  incident: z.object({ id: z.string().nullable(), title: z.string() }),
  timeline: z.array(TimelineFields).default([]),
  followUps: z.array(FollowUpFields),
});
export type ExportableReport = z.infer<typeof ExportableReport>;

/** One piece of evidence a follow-up cites, with a link when the source gave one. */
export interface EvidenceLink {
  ref: string;
  ts: string | null;
  summary: string | null;
  source: string | null;
  url: string | null;
}

/** A follow-up ready for a tracker: its own fields plus the marker that finds it again. */
export interface TrackerItem {
  id: string;
  incidentId: string;
  incidentTitle: string;
  title: string;
  action: string;
  type: string | null;
  ownerRole: string | null;
  priority: string | null;
  /** Stable text written into the issue body; a re-run searches for it to update, not duplicate. */
  marker: string;
  evidence: EvidenceLink[];
}

const TITLE_MAX = 120;
// Attribute keys whose http(s) values are links back to the evidence (html_url, runbook_url, permalink).
const LINK_KEY = /(?:url|link|permalink)$/i;

/** Keeps ids safe inside a marker, a JQL phrase and a GraphQL string: letters, digits, `.`, `_`, `-`. */
const markerPart = (text: string) =>
  text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 64)
    // Trimmed after the cut, so the end anchor only ever scans 64 characters.
    .replace(/^-+|-+$/g, '') || 'untitled';

/** Cuts at a word boundary so a title never ends mid-word. */
export function shorten(text: string, max = TITLE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function linkOf(attrs: Record<string, unknown> | undefined): string | null {
  for (const [key, value] of Object.entries(attrs ?? {}))
    if (LINK_KEY.test(key) && typeof value === 'string' && /^https?:\/\//.test(value)) return value;
  return null;
}

/**
 * The report's follow-ups as tracker items, each with the evidence it cites looked up in the
 * timeline (time, summary, file:line, link).
 * @example trackerItems(JSON.parse(readFileSync('report.json', 'utf8')))
 */
export function trackerItems(report: ExportableReport): TrackerItem[] {
  const byRef = new Map(report.timeline.map((e) => [e.ref, e]));
  const incidentId = markerPart(report.incident.id ?? report.incident.title);
  return report.followUps.map((f) => ({
    id: f.id,
    incidentId,
    incidentTitle: report.incident.title,
    title: shorten(`[${report.incident.id ?? incidentId}] ${f.action}`),
    action: f.action,
    type: f.type ?? null,
    ownerRole: f.ownerRole ?? null,
    priority: f.priority ?? null,
    marker: `hindsight:${incidentId}:${markerPart(f.id)}`,
    evidence: f.evidenceRefs.map((ref) => {
      const entry = byRef.get(ref);
      const line = entry?.source?.line;
      return {
        ref,
        ts: entry?.ts ?? null,
        summary: entry?.summary ?? null,
        source: entry?.source ? `${entry.source.file}${line != null ? `:${line}` : ''}` : null,
        url: linkOf(entry?.attrs),
      };
    }),
  }));
}
