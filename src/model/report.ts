import { z } from 'zod';
import { EventKind, SourceRef } from './event.js';
import { Claim, Finding, FollowUp, Impact, Suspect } from './findings.js';
import { Durations, Moments } from './moment.js';
import { Problem } from './problem.js';

export const TimelineEntry = z.object({
  ts: z.string(),
  kind: EventKind,
  service: z.string().nullable(),
  ref: z.string(),
  summary: z.string(),
  source: SourceRef,
  sources: z.array(SourceRef).optional(),
  details: z.array(z.string()).optional(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  /** Routine records folded into this entry (pods scheduled, images pulled), in time order. */
  folded: z
    .array(z.object({ ts: z.string(), summary: z.string(), source: SourceRef, id: z.string().optional() }))
    .optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const DataQuality = z.object({
  filesRead: z.number().int(),
  eventsRead: z.number().int(),
  linesSkipped: z.number().int(),
  problems: z.array(Problem),
  notes: z.array(z.string()).default([]),
});
export type DataQuality = z.infer<typeof DataQuality>;

/** A past incident from the library that this one resembles, with why. */
export const RelatedIncident = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  score: z.number(),
  /** Why it is related, one sentence each: "same service: api-gateway". */
  reasons: z.array(z.string()).min(1),
});
export type RelatedIncident = z.infer<typeof RelatedIncident>;

/** The stable JSON contract of SPEC §3, schemaVersion 1. */
export const Report = z.object({
  schemaVersion: z.literal(1),
  incident: z.object({
    id: z.string().nullable(),
    title: z.string(),
    severity: z.string().nullable(),
    services: z.array(z.string()),
    summary: z.string(),
    /** What customers call what was affected, from the manifest's `product`. */
    product: z.string().optional(),
  }),
  zone: z.string(),
  timeline: z.array(TimelineEntry),
  moments: Moments,
  durations: Durations,
  suspects: z.array(Suspect),
  findings: z.array(Finding),
  claims: z.array(Claim),
  impact: Impact,
  followUps: z.array(FollowUp),
  gaps: z.array(z.string()),
  dataQuality: DataQuality,
  /** Related past incidents from the library (an appendix; empty without a library). */
  related: z.array(RelatedIncident).default([]),
});
export type Report = z.infer<typeof Report>;
