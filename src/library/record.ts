import { z } from 'zod';
import { ActionItem } from '../lint/index.js';
import { EventKind } from '../model/index.js';

export const RecordTimelineEntry = z.object({
  ts: z.string(),
  kind: EventKind,
  summary: z.string(),
  line: z.number().int().nullable(),
});
export type RecordTimelineEntry = z.infer<typeof RecordTimelineEntry>;

export const RecordImpact = z.object({
  durationSeconds: z.number().nullable(),
  usersAffected: z.number().nullable(),
  usersAffectedPercent: z.number().nullable(),
  errorRatePercent: z.number().nullable(),
});
export type RecordImpact = z.infer<typeof RecordImpact>;

/** Seconds from symptom to detection, detection to acknowledgement, detection to recovery (SPEC §3). */
export const RecordDurations = z.object({
  detect: z.number().nullable(),
  acknowledge: z.number().nullable(),
  mitigate: z.number().nullable(),
});
export type RecordDurations = z.infer<typeof RecordDurations>;

/** One incident in the library, whether generated from evidence or imported from a written postmortem. */
export const IncidentRecord = z.object({
  id: z.string().min(1),
  origin: z.enum(['generated', 'imported']),
  /** The file it was imported from, or null for a generated report. */
  file: z.string().nullable(),
  title: z.string(),
  /** YYYY-MM-DD, or null when the document states no date. */
  date: z.string().nullable(),
  severity: z.string().nullable(),
  services: z.array(z.string()),
  summary: z.string(),
  impact: RecordImpact,
  timeline: z.array(RecordTimelineEntry),
  rootCause: z.string().nullable(),
  /** The kind of cause (deploy, config, capacity, …), for relating incidents. */
  causeKind: z.string().nullable(),
  /** Failing log templates seen during the incident, for relating incidents. */
  logTemplates: z.array(z.string()),
  actionItems: z.array(ActionItem),
  durations: RecordDurations,
  /** The whole text, for full-text search. */
  body: z.string(),
});
export type IncidentRecord = z.infer<typeof IncidentRecord>;
