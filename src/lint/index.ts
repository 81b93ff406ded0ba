// The duration reading lives with the document reader, which hands the same figures to the analysis.
export { type StatedDuration, statedDurations } from '../sources/index.js';
export { ActionItem, ActionStatus, actionItems, readStatus } from './action-items.js';
export { firstDate } from './document-date.js';
export { formatDuration } from './durations.js';
export { formatLintJson, formatLintText } from './format.js';
export { type HumanTimeline, readHumanTimeline } from './human-timeline.js';
export {
  type LintOptions,
  LintResult,
  lintFile,
  lintText,
  requiredFromTemplateFile,
  requiredFromTemplateName,
  scoreOf,
} from './lint.js';
export { hasMojibake, repairMojibake } from './mojibake.js';
export { type PostmortemDocument, parsePostmortem } from './parse.js';
export { readBounded } from './read-bounded.js';
export {
  boundForReading,
  READING_LIMITS,
  type ReadingCut,
  type ReadingLimits,
} from './reading-limits.js';
export { DEFAULT_REQUIRED, type RequiredSection, requiredFromTemplate } from './required-set.js';
export { LintFinding, type LintRule } from './rule.js';
export { lintRuleList, lintRules } from './rules/index.js';
export { findSection, type Section, type SectionKind, sectionKind } from './sections.js';
export { statedZone } from './stated-zone.js';
