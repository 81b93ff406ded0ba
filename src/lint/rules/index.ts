import type { LintRule } from '../rule.js';
import { actionItemDueDate } from './action-item-due-date.js';
import { actionItemOwner } from './action-item-owner.js';
import { actionItemVerb } from './action-item-verb.js';
import { blamelessLanguage } from './blameless-language.js';
import { causeAfterSymptom } from './cause-after-symptom.js';
import { durationConsistent } from './duration-consistent.js';
import { misDecodedText } from './mis-decoded-text.js';
import { noPlaceholders } from './no-placeholders.js';
import { noSecrets } from './no-secrets.js';
import { readInFull } from './read-in-full.js';
import { requiredSections } from './required-sections.js';
import { timelineOrder } from './timeline-order.js';
import { timelineTimeZone } from './timeline-time-zone.js';

/** Every review rule, in the order findings are reported. */
export const lintRules = {
  'required-sections': requiredSections,
  'timeline-order': timelineOrder,
  'timeline-time-zone': timelineTimeZone,
  'duration-consistent': durationConsistent,
  'cause-after-symptom': causeAfterSymptom,
  'action-item-owner': actionItemOwner,
  'action-item-due-date': actionItemDueDate,
  'action-item-verb': actionItemVerb,
  'blameless-language': blamelessLanguage,
  'no-secrets': noSecrets,
  'no-placeholders': noPlaceholders,
  'mis-decoded-text': misDecodedText,
  'read-in-full': readInFull,
} satisfies Record<string, LintRule>;

export type LintRuleId = keyof typeof lintRules;
export const lintRuleList: LintRule[] = Object.values(lintRules);
