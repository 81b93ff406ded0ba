import { z } from 'zod';

/** Input that was skipped or could not be fully understood. */
export const Problem = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  message: z.string(),
  /** A doubt about a line that was read (a zone settled, an order kept): listed, not a failure. */
  note: z.literal(true).optional(),
});
export type Problem = z.infer<typeof Problem>;
