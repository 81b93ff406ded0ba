import { z } from 'zod';

/** What the log miner learned about one template of one service, for the timeline builder. */
export const LogTemplate = z.object({
  service: z.string().nullable(),
  template: z.string(),
  level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'unknown']),
  count: z.number().int(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  /** Occurrences per minute: [minute start epoch ms, count], sorted. */
  perMinute: z.array(z.tuple([z.number(), z.number()])),
  /** The earliest line of the template; as the miner returns it, unredacted (buildTimeline redacts it). */
  example: z.string(),
  source: z.object({ file: z.string(), line: z.number().int().nullable() }),
  /** Byte offset of the example line in the (decompressed) file, to re-read it in full. */
  offset: z.number().int().nullable().optional(),
});
export type LogTemplate = z.infer<typeof LogTemplate>;
