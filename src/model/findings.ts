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
export const Finding = z.object({
  id: z.string(),
  rule: z.string(),
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
export const FollowUp = z.object({
  id: z.string(),
  action: z.string(),
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
  usersAffected: z.number().nullable(),
  errorBudgetConsumedPercent: z.number().nullable(),
  sloBreached: z.boolean().nullable(),
});
export type Impact = z.infer<typeof Impact>;
