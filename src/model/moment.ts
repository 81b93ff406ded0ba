import { z } from 'zod';

export const Moment = z.object({ ts: z.string(), ref: z.string().nullable() }).nullable();
export type Moment = z.infer<typeof Moment>;

export const MomentName = z.enum([
  'trigger',
  'impactStart',
  'detected',
  'acknowledged',
  'mitigationStarted',
  'recovered',
  'declared',
  'closed',
]);
export type MomentName = z.infer<typeof MomentName>;

export const Moments = z.object(
  Object.fromEntries(MomentName.options.map((n) => [n, Moment])) as Record<MomentName, typeof Moment>,
);
export type Moments = z.infer<typeof Moments>;

export const Durations = z.object({
  detect: z.number().nullable(),
  acknowledge: z.number().nullable(),
  mitigate: z.number().nullable(),
  impact: z.number().nullable(),
  detectFromTrigger: z.number().nullable(),
  impactFromTrigger: z.number().nullable(),
});
export type Durations = z.infer<typeof Durations>;
