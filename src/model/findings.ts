import { z } from 'zod';

export const Confidence = z.number().min(0).max(1);

export const Suspect = z.object({
  ref: z.string(),
  service: z.string().nullable(),
  summary: z.string(),
  confidence: Confidence,
  reasons: z.array(z.string()),
  /** Evidence that argues against the suspect, already weighed into `confidence`. */
  against: z.array(z.string()).default([]),
});
export type Suspect = z.infer<typeof Suspect>;

export const FindingSeverity = z.enum(['high', 'medium', 'low', 'info']);
/**
 * What a finding is about: how the failure worked (a mechanism: OOM kills, an exhausted pool,
 * saturation, a failing dependency), a policy the change broke, how the response went, or the
 * course of the incident. Reports written before kinds existed read as `policy`.
 */
export const FindingKind = z.enum(['mechanism', 'policy', 'response', 'course']);
export type FindingKind = z.infer<typeof FindingKind>;
export const Finding = z.object({
  id: z.string(),
  rule: z.string(),
  kind: FindingKind.default('policy'),
  severity: FindingSeverity,
  statement: z.string(),
  evidenceRefs: z.array(z.string()),
});
export type Finding = z.infer<typeof Finding>;

export const Claim = z.object({
  id: z.string(),
  statement: z.string(),
  evidenceRefs: z.array(z.string()).min(1),
  confidence: Confidence,
});
export type Claim = z.infer<typeof Claim>;

export const Priority = z.enum(['high', 'medium', 'low']);
/**
 * The SRE workbook's kinds of action item: prevent the cause, mitigate its effect, detect it
 * sooner, or change a process. Reports written before types existed read as `process`.
 */
export const FollowUpType = z.enum(['prevent', 'mitigate', 'detect', 'process']);
export type FollowUpType = z.infer<typeof FollowUpType>;
export const FollowUp = z.object({
  id: z.string(),
  action: z.string(),
  type: FollowUpType.default('process'),
  ownerRole: z.string(),
  priority: Priority,
  evidenceRefs: z.array(z.string()),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const Impact = z.object({
  errorRatePeak: z.number().nullable(),
  errorRateBaseline: z.number().nullable(),
  latencyPeakMs: z.number().nullable(),
  latencyBaselineMs: z.number().nullable(),
  failedRequests: z.number().nullable(),
  /** Failed health checks recorded from impact start to recovery (a health-check log). */
  failedChecks: z.number().nullable().default(null),
  usersAffected: z.number().nullable(),
  errorBudgetConsumedPercent: z.number().nullable(),
  sloBreached: z.boolean().nullable(),
});
export type Impact = z.infer<typeof Impact>;
