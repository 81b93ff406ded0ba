import { z } from 'zod';

export const Measure = z.enum(['errorRate', 'latencyMs', 'requestRate', 'saturation', 'errorCount', 'other']);
export type Measure = z.infer<typeof Measure>;

/** One metric series: points are [epoch ms, value], sorted by time. */
export const Series = z.object({
  name: z.string(),
  measure: Measure,
  service: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  points: z.array(z.tuple([z.number(), z.number()])),
  source: z.object({ file: z.string(), line: z.number().int().nullable() }),
});
export type Series = z.infer<typeof Series>;
