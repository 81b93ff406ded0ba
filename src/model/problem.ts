import { z } from 'zod';

/** Input that was skipped or could not be fully understood. */
export const Problem = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  message: z.string(),
});
export type Problem = z.infer<typeof Problem>;
