import { z } from 'zod';
import { EventKind, SourceRef } from './event.js';
import { Claim, Confidence, Finding, FollowUp, Impact, Suspect } from './findings.js';
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

/**
 * One statement of a narrative section, with the timeline refs it cites (none when it says what
 * the evidence does not show). `draft` marks a statement the analysis drafted for the reviewer to
 * confirm, edit or delete (what went well, what went wrong, where we got lucky).
 */
export const NarrativeClaim = z.object({
  text: z.string(),
  refs: z.array(z.string()),
  confidence: Confidence,
  draft: z.boolean().optional(),
});
export type NarrativeClaim = z.infer<typeof NarrativeClaim>;

const statements = z.array(NarrativeClaim).default([]);

/** The sections a team expects around the timeline, in the Google SRE template's order. */
export const Narrative = z.object({
  /** Impact in user terms: measured figures and what messages and tickets state. */
  impact: statements,
  /** How the incident was detected: which alert, check or person, when, how long after impact. */
  detection: statements,
  /** Who acknowledged when, escalations, the declaration, what was tried (failed mitigations too). */
  response: statements,
  /** What ended the impact, or that the evidence does not show it. */
  resolution: statements,
  /** What the evidence says caused it, in its own words: a postmortem's cause statements, cause-stating lines. */
  cause: statements,
  wentWell: statements,
  wentWrong: statements,
  lucky: statements,
});
export type Narrative = z.infer<typeof Narrative>;

export const EMPTY_NARRATIVE: Narrative = {
  impact: [],
  detection: [],
  response: [],
  resolution: [],
  cause: [],
  wentWell: [],
  wentWrong: [],
  lucky: [],
};

/** A line of the sign-off, for people to fill: who signs in which role, and when. */
export const SignOff = z.object({
  role: z.string(),
  name: z.string().nullable(),
  date: z.string().nullable(),
});
export type SignOff = z.infer<typeof SignOff>;

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
  /** Impact, detection, response, resolution and the drafted lessons; reports before it read as empty. */
  narrative: Narrative.default(EMPTY_NARRATIVE),
  /** The roles that sign the postmortem off, names and dates left for people to fill. */
  signOff: z.array(SignOff).default([]),
});
export type Report = z.infer<typeof Report>;
