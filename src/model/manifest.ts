import { z } from 'zod';
import { Measure } from './series.js';

const DateLike = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString() : v));

export const Slo = z.object({
  name: z.string().default('availability').describe('what the objective is about'),
  objective: z.number().gt(0).lt(100).describe('target, in percent (99.9)'),
  window: z.string().default('30d').describe('the period the objective is measured over (30d, 4w)'),
});
export type Slo = z.infer<typeof Slo>;

export const Freeze = z.object({
  from: DateLike.describe('start, ISO 8601 with a zone'),
  to: DateLike.describe('end, ISO 8601 with a zone'),
  reason: z.string().optional(),
});
export type Freeze = z.infer<typeof Freeze>;

export const Policies = z.object({
  requiredApprovals: z.number().int().min(0).optional().describe('approvals a change needs before it ships'),
  changeWindows: z
    .array(z.string())
    .optional()
    .describe('when changes may ship: "Mon-Fri 14:00-16:00 America/Los_Angeles"'),
  freezes: z.array(Freeze).optional().describe('periods when no change should ship'),
  ackWithinMinutes: z.number().positive().optional().describe('how soon a page should be acknowledged'),
});
export type Policies = z.infer<typeof Policies>;

export const SourceSpec = z.looseObject({
  path: z.string().optional().describe('file or glob inside the bundle folder (logs/*.jsonl)'),
  format: z.string().optional().describe('force a format by name (see `hindsight formats`)'),
  service: z.string().optional().describe('service the events of these files belong to'),
  measure: Measure.optional().describe('what a metrics file measures'),
  prometheus: z.string().optional().describe('URL of a Prometheus server to query'),
  queries: z
    .record(z.string(), z.string())
    .optional()
    .describe('PromQL per measure: { errorRate: "sum(rate(…))" }'),
  step: z.union([z.string(), z.number()]).optional().describe('query resolution (30s, or seconds)'),
});
export type SourceSpec = z.infer<typeof SourceSpec>;

export const IncidentWindow = z.object({
  from: DateLike.optional().describe('start, ISO 8601 with a zone; default: the first change minus `before`'),
  to: DateLike.optional().describe('end, ISO 8601 with a zone; default: the recovery plus `after`'),
  before: z.string().default('1h').describe('how long before the first change the window opens (1h, 30m)'),
  after: z.string().default('30m').describe('how long after the recovery the window closes'),
});
export type IncidentWindow = z.infer<typeof IncidentWindow>;

/** `incident.yaml`: what the evidence cannot say. Every field is optional. */
export const Manifest = z.object({
  id: z
    .union([z.string(), z.number()])
    .transform(String)
    .optional()
    .describe("the incident's id in your tracker"),
  title: z.string().optional().describe('one-line title of the report'),
  severity: z
    .union([z.string(), z.number()])
    .transform(String)
    .optional()
    .describe('free text, or SEV1..SEV4 / P0..P4'),
  timezone: z.string().optional().describe('IANA zone for timestamps that carry none (America/Los_Angeles)'),
  date: DateLike.optional().describe('YYYY-MM-DD, for timestamps that carry only a time of day'),
  services: z.array(z.string()).default([]).describe('services the incident touched'),
  product: z
    .string()
    .optional()
    .describe('what customers call what was affected (Acme Checkout); the customer version names only this'),
  slo: z.array(Slo).default([]).describe('service level objectives; enable error-budget figures'),
  policies: Policies.default({}).describe('rules the change and the response are held to'),
  sources: z
    .array(SourceSpec)
    .default([])
    .describe('optional hints per file, live Prometheus queries, and log stores; files are found without it'),
  window: IncidentWindow.optional().describe(
    'the span log stores are asked about; from the other evidence when absent',
  ),
  redact: z
    .object({
      pii: z.boolean().default(false).describe('also mask e-mail and IP addresses and user ids'),
    })
    .default({ pii: false })
    .describe('secrets are always redacted'),
  summary: z.string().optional().describe('what happened, in a few sentences'),
});
export type Manifest = z.infer<typeof Manifest>;

/**
 * The JSON Schema of `incident.yaml` as it is written (published as schema/incident.schema.json).
 * Dates are strings there: YAML editors and JSON validators see `2026-02-10` as text.
 */
export function manifestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Manifest, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string' });
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'Hindsight incident manifest (incident.yaml)',
    description:
      'What the evidence cannot say. Every key is optional; unknown keys are reported and ignored.',
    ...schema,
  };
}
