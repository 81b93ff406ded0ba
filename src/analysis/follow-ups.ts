import type { Durations, Finding } from '../model/index.js';
import { analysisRules, type FollowUpDraft, type RuleContext } from './rules/index.js';
import { CONVINCING } from './suspects.js';

const MINUTE = 60;
const ORDER = { high: 0, medium: 1, low: 2 };

/** What a canary should stop on, from the mechanisms found: the failure itself, else errors. */
function watchFor(findings: Finding[]): string {
  const seen = new Set(findings.filter((f) => f.kind === 'mechanism').map((f) => f.rule));
  const signs = [
    seen.has('oom-kill') && 'OOM kills',
    (seen.has('oom-kill') || seen.has('crash-loop')) && 'container restarts',
    seen.has('pool-exhaustion') && 'connection-pool waits',
    seen.has('saturation') && 'saturation',
    seen.has('failing-dependency') && 'failed dependency calls',
  ].filter((s): s is string => !!s);
  return signs.length > 1
    ? `${signs.slice(0, -1).join(', ')} or ${signs.at(-1)}`
    : (signs[0] ?? 'a rise in errors or latency');
}

/** What the change and the course of the incident call for, beyond the rules' own follow-ups. */
function courseFollowUps(ctx: RuleContext, d: Durations, findings: Finding[]): FollowUpDraft[] {
  const out: FollowUpDraft[] = [];
  const m = ctx.moments;
  const top = ctx.suspects[0];
  const service =
    top?.service ?? m.impactStart?.service ?? ctx.manifest.services[0] ?? 'the affected service';
  if (top && top.confidence >= CONVINCING) {
    out.push({
      action: `Release ${service} through a canary that stops and rolls back on ${watchFor(findings)}, so a change like ${top.ref} is caught before it reaches all of production.`,
      type: 'prevent',
      ownerRole: 'service owner',
      priority: 'medium',
      evidenceRefs: [
        top.ref,
        ...findings.filter((f) => f.kind === 'mechanism').flatMap((f) => f.evidenceRefs),
      ],
    });
  } else if (m.impactStart) {
    out.push({
      action: `Identify what started the incident at ${m.impactStart.ref}: no change in the evidence convincingly explains it.`,
      type: 'process',
      ownerRole: 'incident commander',
      priority: 'high',
      evidenceRefs: [m.impactStart.ref],
    });
  }
  const alertMissing = findings.some((f) => f.rule === 'no-alert-fired' || f.rule === 'undetected-symptom');
  if (!alertMissing && m.detected && m.impactStart && d.detect != null && d.detect > 5 * MINUTE) {
    out.push({
      action: `Shorten time to detect (${Math.round(d.detect / 60)} min from ${m.impactStart.ref} to ${m.detected.ref}): alert on the earliest symptom of ${service}.`,
      type: 'detect',
      ownerRole: 'observability',
      priority: 'medium',
      evidenceRefs: [m.impactStart.ref, m.detected.ref],
    });
  } else if (
    !alertMissing &&
    m.detected &&
    m.trigger &&
    d.detectFromTrigger != null &&
    d.detectFromTrigger > 10 * MINUTE
  ) {
    out.push({
      action: `Detect regressions sooner after deploys (${Math.round(d.detectFromTrigger / 60)} min from ${m.trigger.ref} to ${m.detected.ref}): add post-deploy verification.`,
      type: 'detect',
      ownerRole: 'observability',
      priority: 'medium',
      evidenceRefs: [m.trigger.ref, m.detected.ref],
    });
  }
  const rollback = ctx.events.find((e) => e.kind === 'rollback' && e.signals.includes('mitigation'));
  if (rollback && m.detected && rollback.ts - m.detected.ts > 10 * MINUTE * 1000) {
    out.push({
      action: `Roll ${service} back automatically on an error-rate or health-check regression after a deploy: the rollback (${rollback.ref}) came ${Math.round((rollback.ts - m.detected.ts) / 60_000)} min after detection.`,
      type: 'mitigate',
      ownerRole: 'platform team',
      priority: 'medium',
      evidenceRefs: [rollback.ref, m.detected.ref],
    });
  }
  return out;
}

/**
 * Follow-ups from what was found: each rule's own for its findings (a memory fix for OOM kills,
 * a pool size for an exhausted pool, a rota for a slow acknowledgement), then what the change and
 * the course call for. Highest priority first; each cites its evidence.
 */
export function deriveFollowUps(ctx: RuleContext, d: Durations, findings: Finding[]): FollowUpDraft[] {
  const fromRules = Object.values(analysisRules).flatMap((rule) => {
    const mine = findings.filter((f) => f.rule === rule.id);
    return mine.length ? rule.followUp({ ...ctx, findings: mine, all: findings }) : [];
  });
  const seen = new Set<string>();
  return [...fromRules, ...courseFollowUps(ctx, d, findings)]
    .map((f) => ({ ...f, evidenceRefs: [...new Set(f.evidenceRefs)] }))
    .filter((f) => !seen.has(f.action) && seen.add(f.action))
    .sort((a, b) => ORDER[a.priority] - ORDER[b.priority]);
}
