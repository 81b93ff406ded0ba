import { ackSlow } from './ack-slow.js';
import { approvalsMissing } from './approvals-missing.js';
import { duringFreeze } from './during-freeze.js';
import { noAlertFired } from './no-alert-fired.js';
import { outsideChangeWindow } from './outside-change-window.js';
import { recoveredWithoutMitigation } from './recovered-without-mitigation.js';
import type { Rule } from './rule.js';
import { statedDurationMismatch } from './stated-duration-mismatch.js';
import { symptomPrecedesChange } from './symptom-precedes-change.js';

export const rules = [
  approvalsMissing,
  outsideChangeWindow,
  duringFreeze,
  ackSlow,
  symptomPrecedesChange,
  noAlertFired,
  recoveredWithoutMitigation,
  statedDurationMismatch,
] satisfies Rule[];

export type { Rule, RuleContext, RuleFinding } from './rule.js';
