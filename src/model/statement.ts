import { z } from 'zod';
import { SourceRef } from './event.js';

/**
 * What a document says about the incident in its own words, outside its timeline: a figure it
 * states ("Time to detection: 8 minutes"), a causal sentence from its Summary or Root cause, a
 * window its Summary states, or its title.
 * The analysis compares them with what the evidence shows and cites their line.
 */
export const Statement = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('duration'),
    /** The figure's name as written, lower case: "time to detection", "duration". */
    name: z.string(),
    seconds: z.number(),
    text: z.string(),
    source: SourceRef,
  }),
  z.object({ kind: z.literal('cause'), text: z.string(), source: SourceRef }),
  /** The document's own title (its top heading): what its authors call the incident. */
  z.object({ kind: z.literal('title'), text: z.string(), source: SourceRef }),
  /**
   * A window the opening, Summary or Impact states ("between 12:17 and 12:30 UTC all downloads
   * were broken"): its start and end, ms since the epoch, and the sentence.
   */
  z.object({
    kind: z.literal('window'),
    start: z.number(),
    end: z.number(),
    text: z.string(),
    source: SourceRef,
    /** Stated in the Impact section: the impact's window, whatever words tell it ("users were able to see …"). */
    impact: z.boolean().optional(),
  }),
]);
export type Statement = z.infer<typeof Statement>;
