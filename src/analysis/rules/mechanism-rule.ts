import { alertIfUncaught, cite, refsSeen, type Signature, sightings } from './mechanism-evidence.js';
import {
  type FollowUpContext,
  type FollowUpDraft,
  type RuleContext,
  type RuleFinding,
  refsOf,
  serviceOf,
} from './rule.js';

/** A mechanism rule's one finding where its signature shows: `says` words it from the service and the citations. */
export function mechanismFinding(
  ctx: RuleContext,
  sig: Signature,
  says: (service: string, cited: string) => string,
): RuleFinding[] {
  const seen = sightings(ctx, sig);
  if (!seen.length) return [];
  const service = serviceOf(ctx, refsSeen(seen));
  return [{ severity: 'medium', statement: says(service, cite(seen)), evidenceRefs: refsSeen(seen) }];
}

/** A mechanism rule's follow-ups: the service owner's fix, then an alert on the mechanism when none caught it. */
export function mechanismFollowUps(
  ctx: FollowUpContext,
  sig: Signature,
  {
    type,
    fix,
    alert,
  }: { type: FollowUpDraft['type']; fix: (service: string) => string; alert: (service: string) => string },
): FollowUpDraft[] {
  const refs = refsOf(ctx.findings);
  const service = serviceOf(ctx, refs);
  return [
    {
      action: fix(service),
      type,
      ownerRole: 'service owner',
      priority: 'high',
      evidenceRefs: refs,
    },
    ...alertIfUncaught(ctx, sig, alert(service), refs),
  ];
}
