import type { Event, Suspect } from '../model/index.js';
import { CHANGE } from '../timeline/vocabulary.js';
import type { MomentEvents } from './moments.js';
import { CONVINCING } from './suspects.js';

const where = (e: Event) => `${e.source.file}${e.source.line != null ? `:${e.source.line}` : ''}`;
const PLACEHOLDER = /\[(name|names|date|time|number|owner|tbd|x|y)\]|\bTBD\b|YYYY-MM-DD/i;

/** What the evidence cannot establish, as questions for the author. */
export function findGaps(events: Event[], m: MomentEvents, suspects: Suspect[]): string[] {
  const gaps: string[] = [];
  const changes = events.filter((e) => e.kind === 'change');
  for (const e of events) {
    if (e.kind === 'change' || e.kind === 'rollback' || !CHANGE.test(e.summary)) continue;
    if (!e.signals.includes('diagnosis') && !/\b(previous|last|earlier|yesterday|recent)\b/i.test(e.summary))
      continue;
    if (changes.some((c) => c.ts <= e.ts)) continue;
    gaps.push(
      `${e.ref} (${where(e)}) refers to a change — "${e.summary}" — but no record of it with a time is in the evidence: when was it made, by which pipeline, and what did it change?`,
    );
  }
  if (!m.impactStart)
    gaps.push('No symptom is in the evidence: when did users start to be affected, and how do you know?');
  if (m.impactStart && !m.detected)
    gaps.push('Nothing records how the incident was detected: which alert, page or report first raised it?');
  if (m.detected && !m.acknowledged) gaps.push('No acknowledgement is recorded: who responded, and when?');
  if (m.impactStart && !m.mitigationStarted)
    gaps.push('No mitigating action is recorded: what was done to stop the impact, and when?');
  if (m.impactStart && !m.recovered)
    gaps.push('Recovery is not recorded: when were the symptoms gone, and what showed it?');
  if (m.impactStart && !(suspects[0]?.confidence >= CONVINCING)) {
    gaps.push(
      'No change in the evidence convincingly explains the incident: were there deploys, config or infrastructure changes not included here?',
    );
  }
  for (const e of events) {
    const text = [e.summary, ...e.details].find((t) => PLACEHOLDER.test(t));
    if (text) gaps.push(`${e.ref} (${where(e)}) holds a placeholder — "${text}": fill it in or remove it.`);
  }
  return gaps;
}
