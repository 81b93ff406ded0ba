import { z } from 'zod';

/** The kinds of timeline entry, as SPEC §3 names them. */
export const EventKind = z.enum([
  'change',
  'rollback',
  'alert',
  'alert_resolved',
  'page',
  'ack',
  'log',
  'metric',
  'health',
  'chat',
  'ticket',
  'report',
  'action',
  'note',
]);
export type EventKind = z.infer<typeof EventKind>;

/** What an entry tells the analysis about the incident's course, independent of its kind. */
export const Signal = z.enum([
  'symptom',
  'detect',
  'ack',
  'mitigation',
  'recovery',
  'declare',
  'close',
  /** The entry changed the system (a deploy, a config change, a rollback, a hotfix), whatever its intent. */
  'change',
  'diagnosis',
]);
export type Signal = z.infer<typeof Signal>;

export const SourceRef = z.object({ file: z.string(), line: z.number().int().nullable() });
export type SourceRef = z.infer<typeof SourceRef>;

/** An event as a source reads it: only `ts`, `summary` and `source` are certain. */
export const RawEvent = z.object({
  ts: z.number(),
  kind: EventKind.optional(),
  service: z.string().nullable().optional(),
  ref: z.string().optional(),
  summary: z.string(),
  /** What the format itself says the entry signals (a PagerDuty acknowledgement, an alert's resolution); the text classifier adds only what is missing. */
  signals: z.array(Signal).optional(),
  /** Text that qualifies the summary (sub-bullets, a Status column); never used to classify. */
  details: z.array(z.string()).optional(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  /** Entries of one group (one table, one list) are never merged with each other. */
  group: z.string().optional(),
  source: SourceRef,
});
export type RawEvent = z.infer<typeof RawEvent>;

/** A routine record (a pod scheduled, an image pulled) kept inside the entry it belongs to. */
export const FoldedEvent = z.object({
  ts: z.number(),
  summary: z.string(),
  source: SourceRef,
  /** The source's own id for the record, when it gave one. */
  id: z.string().optional(),
});
export type FoldedEvent = z.infer<typeof FoldedEvent>;

/** A classified, normalised timeline entry. `ts` is epoch milliseconds (UTC). */
export const Event = z.object({
  ts: z.number(),
  kind: EventKind,
  signals: z.array(Signal),
  service: z.string().nullable(),
  ref: z.string(),
  /** True when `ref` is the source's own id (DEP-7781), false when Hindsight made it up. */
  ownRef: z.boolean(),
  summary: z.string(),
  details: z.array(z.string()),
  attrs: z.record(z.string(), z.unknown()),
  source: SourceRef,
  /** Every place the same moment was recorded, the first being `source`. */
  sources: z.array(SourceRef),
  /** Routine records folded into this entry, in time order; their places are also in `sources`. */
  folded: z.array(FoldedEvent).optional(),
});
export type Event = z.infer<typeof Event>;
