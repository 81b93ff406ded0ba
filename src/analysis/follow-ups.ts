import type { Durations, Event, Finding, FollowUp, Suspect } from '../model/index.js';
import type { MomentEvents } from './moments.js';
import { CONVINCING } from './suspects.js';

type Draft = Omit<FollowUp, 'id'>;
const MINUTE = 60;

/** Follow-ups derived from what was found: each answers a finding or a slow phase, with its evidence. */
export function deriveFollowUps(
  events: Event[],
  m: MomentEvents,
  d: Durations,
  suspects: Suspect[],
  findings: Finding[],
): Draft[] {
  const out: Draft[] = [];
  const rule = (id: string) => findings.filter((f) => f.rule === id);
  const refs = (fs: Finding[]) => [...new Set(fs.flatMap((f) => f.evidenceRefs))];
  const top = suspects[0];
  const service = top?.service ?? m.impactStart?.service ?? 'the affected service';

  if (top && top.confidence >= CONVINCING) {
    out.push({
      action: `Review change ${top.ref} and add a test or canary check that catches this regression before production.`,
      ownerRole: 'service owner',
      priority: 'high',
      evidenceRefs: [top.ref],
    });
  } else if (m.impactStart) {
    out.push({
      action: 'Identify the cause: no change in the evidence convincingly explains the symptoms.',
      ownerRole: 'incident commander',
      priority: 'high',
      evidenceRefs: [m.impactStart.ref],
    });
  }
  if (rule('approvals-missing').length) {
    out.push({
      action: 'Enforce the required number of approvals as a gate in the deploy pipeline.',
      ownerRole: 'platform team',
      priority: 'high',
      evidenceRefs: refs(rule('approvals-missing')),
    });
  }
  if (rule('outside-change-window').length || rule('during-freeze').length) {
    const fs = [...rule('outside-change-window'), ...rule('during-freeze')];
    out.push({
      action:
        'Block production deploys outside change windows and during freezes in the deploy pipeline (with an audited override).',
      ownerRole: 'platform team',
      priority: 'high',
      evidenceRefs: refs(fs),
    });
  }
  if (rule('no-alert-fired').length) {
    out.push({
      action: `Add alerting for this failure mode of ${service} so it pages before users report it.`,
      ownerRole: 'observability',
      priority: 'high',
      evidenceRefs: refs(rule('no-alert-fired')),
    });
  } else if (m.detected && d.detect != null && d.detect > 5 * MINUTE) {
    out.push({
      action: `Shorten time to detect (${Math.round(d.detect / 60)} min): alert on the earliest symptom of ${service}.`,
      ownerRole: 'observability',
      priority: 'medium',
      evidenceRefs: [m.impactStart!.ref, m.detected.ref],
    });
  } else if (m.detected && d.detectFromTrigger != null && d.detectFromTrigger > 10 * MINUTE) {
    out.push({
      action: `Detect regressions sooner after deploys (${Math.round(d.detectFromTrigger / 60)} min from change to alert): add post-deploy verification.`,
      ownerRole: 'observability',
      priority: 'medium',
      evidenceRefs: [m.trigger!.ref, m.detected.ref],
    });
  }
  if (rule('ack-slow').length) {
    out.push({
      action: 'Review the paging and escalation policy so alerts are acknowledged within target.',
      ownerRole: 'on-call lead',
      priority: 'medium',
      evidenceRefs: refs(rule('ack-slow')),
    });
  }
  const rollback = events.find((e) => e.kind === 'rollback' && e.signals.includes('mitigation'));
  if (rollback && m.detected && rollback.ts - m.detected.ts > 10 * MINUTE * 1000) {
    out.push({
      action: 'Automate rollback on error-rate or health-check regression after a deploy.',
      ownerRole: 'platform team',
      priority: 'medium',
      evidenceRefs: [rollback.ref],
    });
  }
  if (rule('symptom-precedes-change').length) {
    out.push({
      action: 'Confirm what started the incident: a symptom came before the suspected change.',
      ownerRole: 'incident commander',
      priority: 'medium',
      evidenceRefs: refs(rule('symptom-precedes-change')),
    });
  }
  if (rule('recovered-without-mitigation').length) {
    out.push({
      action: 'Find out why the service recovered on its own and whether the cause is still present.',
      ownerRole: 'service owner',
      priority: 'high',
      evidenceRefs: refs(rule('recovered-without-mitigation')),
    });
  }
  return out;
}
