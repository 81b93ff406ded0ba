import type { Event, Finding, Manifest, Statement, Suspect } from '../../model/index.js';
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

export type RuleFinding = Omit<Finding, 'id' | 'rule'>;

/** One policy or course check; its ok/not-ok examples are its tests. */
export interface Rule {
  id: string;
  check(ctx: RuleContext): RuleFinding[];
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
