import { z } from 'zod';
import { Measure } from './series.js';

const DateLike = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString() : v));

export const Slo = z.object({
  name: z.string().default('availability'),
  objective: z.number().gt(0).lt(100),
  window: z.string().default('30d'),
});
export type Slo = z.infer<typeof Slo>;

export const Freeze = z.object({ from: DateLike, to: DateLike, reason: z.string().optional() });
export type Freeze = z.infer<typeof Freeze>;

export const Policies = z.object({
  requiredApprovals: z.number().int().min(0).optional(),
  changeWindows: z.array(z.string()).optional(),
  freezes: z.array(Freeze).optional(),
  ackWithinMinutes: z.number().positive().optional(),
});
export type Policies = z.infer<typeof Policies>;

export const SourceSpec = z.looseObject({
  path: z.string().optional(),
  format: z.string().optional(),
  service: z.string().optional(),
  measure: Measure.optional(),
  prometheus: z.string().optional(),
  queries: z.record(z.string(), z.string()).optional(),
  step: z.union([z.string(), z.number()]).optional(),
});
export type SourceSpec = z.infer<typeof SourceSpec>;

/** `incident.yaml`: what the evidence cannot say. Every field is optional. */
export const Manifest = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  title: z.string().optional(),
  severity: z.union([z.string(), z.number()]).transform(String).optional(),
  timezone: z.string().optional(),
  date: DateLike.optional(),
  services: z.array(z.string()).default([]),
  slo: z.array(Slo).default([]),
  policies: Policies.default({}),
  sources: z.array(SourceSpec).default([]),
  redact: z.object({ pii: z.boolean().default(false) }).default({ pii: false }),
  summary: z.string().optional(),
});
export type Manifest = z.infer<typeof Manifest>;
