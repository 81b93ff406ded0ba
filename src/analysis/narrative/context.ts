import type { Durations, Event, Finding, Impact, Manifest, Statement } from '../../model/index.js';
import type { MomentEvents } from '../moments.js';

/** What the narrative sections are drafted from: the analysis's results, never the raw files. */
export interface NarrativeContext {
  events: Event[];
  moments: MomentEvents;
  durations: Durations;
  findings: Finding[];
  impact: Impact;
  manifest: Manifest;
  /** What documents say outside their timelines: their cause statements are quoted. */
  statements?: Statement[];
}
