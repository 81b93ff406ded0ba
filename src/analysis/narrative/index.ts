import type { Narrative } from '../../model/index.js';
import { causeNarrative } from './cause.js';
import type { NarrativeContext } from './context.js';
import { detectionNarrative } from './detection.js';
import { impactNarrative } from './impact.js';
import { draftLessons } from './lessons.js';
import { resolutionNarrative } from './resolution.js';
import { responseNarrative } from './response.js';

export type { NarrativeContext } from './context.js';
export { type Lesson, lessons } from './lessons.js';
export { unquoted } from './words.js';

/**
 * The narrative sections from the analysis: impact in user terms, detection, response and
 * resolution, and what the evidence says caused it, each statement cited; and the lessons, drafted for the reviewer. `say` keeps names out.
 */
export function buildNarrative(ctx: NarrativeContext, say: (text: string) => string = (t) => t): Narrative {
  const sections: Narrative = {
    impact: impactNarrative(ctx),
    detection: detectionNarrative(ctx),
    response: responseNarrative(ctx),
    resolution: resolutionNarrative(ctx),
    cause: causeNarrative(ctx),
    wentWell: draftLessons(ctx, 'wentWell'),
    wentWrong: draftLessons(ctx, 'wentWrong'),
    lucky: draftLessons(ctx, 'lucky'),
  };
  return Object.fromEntries(
    Object.entries(sections).map(([k, claims]) => [k, claims.map((c) => ({ ...c, text: say(c.text) }))]),
  ) as Narrative;
}
