import { ackSlow } from './ack-slow.js';
import { approvalsMissing } from './approvals-missing.js';
import { crashLoop } from './crash-loop.js';
import { duringFreeze } from './during-freeze.js';
import { failingDependency } from './failing-dependency.js';
import { noAlertFired } from './no-alert-fired.js';
import { oomKill } from './oom-kill.js';
import { outsideChangeWindow } from './outside-change-window.js';
import { poolExhaustion } from './pool-exhaustion.js';
import { recoveredWithoutMitigation } from './recovered-without-mitigation.js';
import type { Rule } from './rule.js';
import { saturation } from './saturation.js';
import { statedDurationMismatch } from './stated-duration-mismatch.js';
import { symptomPrecedesChange } from './symptom-precedes-change.js';
import { undetectedSymptom } from './undetected-symptom.js';

/** Every analysis rule, in the order findings and their follow-ups are reported: mechanisms first. */
export const analysisRules = {
  'oom-kill': oomKill,
  'crash-loop': crashLoop,
  'pool-exhaustion': poolExhaustion,
  saturation: saturation,
  'failing-dependency': failingDependency,
  'approvals-missing': approvalsMissing,
  'outside-change-window': outsideChangeWindow,
  'during-freeze': duringFreeze,
  'ack-slow': ackSlow,
  'symptom-precedes-change': symptomPrecedesChange,
  'no-alert-fired': noAlertFired,
  'undetected-symptom': undetectedSymptom,
  'recovered-without-mitigation': recoveredWithoutMitigation,
  'stated-duration-mismatch': statedDurationMismatch,
} as const satisfies Record<string, Rule>;

export type AnalysisRuleId = keyof typeof analysisRules;
export const rules: Rule[] = Object.values(analysisRules);

export { exampleEvents } from './example-events.js';
export type { FollowUpContext, FollowUpDraft, Rule, RuleContext, RuleExample, RuleFinding } from './rule.js';
