import type {
  Event,
  EventKind,
  Finding,
  FindingKind,
  FollowUp,
  Manifest,
  Signal,
  Statement,
  Suspect,
} from '../../model/index.js';
import type { MomentEvents } from '../moments.js';
import { byOutsider } from '../outsiders.js';

export interface RuleContext {
  events: Event[];
  moments: MomentEvents;
  suspects: Suspect[];
  manifest: Manifest;
  /** What documents state outside their timelines; empty when none was read. */
  statements: Statement[];
}

export type RuleFinding = Omit<Finding, 'id' | 'rule' | 'kind'>;
export type FollowUpDraft = Omit<FollowUp, 'id'>;

/** What a rule's follow-up may read: its own findings, every rule's findings, and the context. */
export interface FollowUpContext extends RuleContext {
  findings: Finding[];
  all: Finding[];
}

/** One timeline line of an example, `at` minutes after 10:00 UTC on 2026-02-10. */
export interface ExampleEvent {
  at: number;
  kind: EventKind;
  summary: string;
  signals?: Signal[];
  service?: string | null;
  ref?: string;
  attrs?: Record<string, unknown>;
}

/** A small incident: its timeline lines, and the manifest and statements when they matter. */
export interface RuleExample {
  events: ExampleEvent[];
  manifest?: Record<string, unknown>;
  statements?: Statement[];
}

/** A rule's documentation and tests at once: `ok` gives no finding, `notOk` the findings' refs listed. */
export interface RuleExamples {
  ok: RuleExample[];
  notOk: (RuleExample & { refs: string[][] })[];
}

/** One analysis rule (the lint rules' shape): a file, an id, what it finds, its follow-up, its examples. */
export interface Rule {
  id: string;
  description: string;
  kind: FindingKind;
  check(ctx: RuleContext): RuleFinding[];
  /** The action items its findings call for, each citing evidence; none when another rule's cover them. */
  followUp(ctx: FollowUpContext): FollowUpDraft[];
  examples: RuleExamples;
}

/** Changes worth holding to policy: ours, before recovery, not the mitigations. */
export const changesUnderReview = (ctx: RuleContext) =>
  ctx.events.filter(
    (e) =>
      e.kind === 'change' &&
      !e.signals.includes('mitigation') &&
      !byOutsider(e) &&
      (!ctx.moments.recovered || e.ts <= ctx.moments.recovered.ts),
  );

/** Every ref the findings cite, once each, in order. */
export const refsOf = (findings: Finding[]) => [...new Set(findings.flatMap((f) => f.evidenceRefs))];

/** The service the findings are about: the first finding event's, else the affected one. */
export function serviceOf(ctx: RuleContext, refs: string[]): string {
  const cited = refs.map((r) => ctx.events.find((e) => e.ref === r)?.service).find((s) => !!s);
  return cited ?? ctx.manifest.services[0] ?? ctx.moments.impactStart?.service ?? 'the affected service';
}
