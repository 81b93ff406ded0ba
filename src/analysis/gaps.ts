import type { Event, Finding, Impact, Suspect } from '../model/index.js';
import { fileLine } from '../text/file-line.js';
import { shorten } from '../text/shorten.js';
import { CHANGE } from '../timeline/vocabulary.js';
import { type CauseAccount, cited } from './causes.js';
import { storyClockOf } from './course.js';
import { type MomentEvents, symptomsAfter } from './moments.js';
import { CONVINCING } from './suspects.js';

const where = (e: Event) => fileLine(e.source);
const PLACEHOLDER = /\[(name|names|date|time|number|owner|tbd|x|y)\]|\bTBD\b|YYYY-MM-DD/i;
const gist = (e: Event) => `"${shorten(e.summary, 120)}"`;

/** With no convincing change, what the evidence points to instead: a causal account, else the first symptom. */
function noConvincingChange(m: MomentEvents, elsewhere: CauseAccount[]): string {
  const lead = 'No change in the evidence convincingly explains the incident';
  if (elsewhere.length)
    return `${lead}; the evidence points elsewhere: ${cited(elsewhere[0])}. Is that the cause, and did any change let it happen?`;
  const first = m.impactStart!;
  const at = storyClockOf(m);
  return `${lead}; the evidence points first to ${first.ref} (${at(first.ts)}) ${gist(first)}: what started it? Were there deploys, config or infrastructure changes not included here?`;
}

/** What the gaps are read from; `impact` is left out when no impact was computed. */
export interface GapInput {
  events: Event[];
  moments: MomentEvents;
  suspects: Suspect[];
  elsewhere?: CauseAccount[];
  impact?: Impact | null;
  /** The mechanism findings; left out when no rule looked for them. */
  mechanisms?: Finding[] | null;
}

const list = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');

/** The impact figures the report shows as unknown, as questions: each names what would answer it. */
function impactGaps(impact: Impact): string[] {
  const gaps: string[] = [];
  const unmeasured = [
    impact.errorRatePeak == null && 'the error rate',
    impact.latencyPeakMs == null && 'the latency',
    impact.failedRequests == null && 'the number of failed requests',
  ].filter((x): x is string => !!x);
  if (unmeasured.length)
    gaps.push(
      `Impact is not measured: ${list(unmeasured)} ${unmeasured.length > 1 ? 'are' : 'is'} unknown. What do the service's dashboards show? Add the error-rate, latency or request series to the evidence.`,
    );
  if (impact.usersAffected == null)
    gaps.push(
      'The number of users affected is unknown: how many users or customers were affected, and what do support tickets show?',
    );
  if (impact.sloBreached == null)
    gaps.push(
      'Whether the SLO was breached is unknown: which SLO covers this service, and how much of its error budget did the incident use?',
    );
  return gaps;
}

/** What the evidence cannot establish, as questions for the author: every unknown the report shows. */
export function findGaps({
  events,
  moments: m,
  suspects,
  elsewhere = [],
  impact = null,
  mechanisms = null,
}: GapInput): string[] {
  const gaps: string[] = [];
  const at = storyClockOf(m);
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
  if ((m.impactStart || m.detected) && !m.acknowledged)
    gaps.push('No acknowledgement is recorded: who responded, and when?');
  if (m.impactStart && !m.mitigationStarted)
    gaps.push('No mitigating action is recorded: what was done to stop the impact, and when?');
  if (m.impactStart && !m.recovered)
    gaps.push('Recovery is not recorded: when were the symptoms gone, and what showed it?');
  if (m.recovered && !m.recovered.signals.includes('recovery'))
    gaps.push(
      `No line states that the impact ended; recovery is placed at ${m.recovered.ref} (${at(m.recovered.ts)}) ${gist(m.recovered)}. When were the symptoms gone, and what showed it?`,
    );
  const returned = m.recovered ? symptomsAfter(events, m.recovered.ts)[0] : undefined;
  if (m.recovered && returned)
    gaps.push(
      `Symptoms were recorded after the last recovery (${m.recovered.ref}, ${at(m.recovered.ts)}): ${returned.ref} (${at(returned.ts)}) ${gist(returned)}. When did the service recover for good, and what showed it?`,
    );
  if (m.impactStart && !(suspects[0]?.confidence >= CONVINCING)) gaps.push(noConvincingChange(m, elsewhere));
  if (m.impactStart && !m.declared && !m.closed)
    gaps.push(
      'Neither the declaration nor the close of the incident is recorded: when was it declared, and when closed?',
    );
  if (mechanisms && !mechanisms.length && m.impactStart)
    gaps.push(
      'The evidence shows no mechanism (no OOM kill, exhausted pool, saturation or failing dependency): how did the service fail? Its logs, Kubernetes events or resource metrics would show it.',
    );
  if (impact && m.impactStart) gaps.push(...impactGaps(impact));
  for (const e of events) {
    const text = [e.summary, ...e.details].find((t) => PLACEHOLDER.test(t));
    if (text) gaps.push(`${e.ref} (${where(e)}) holds a placeholder — "${text}": fill it in or remove it.`);
  }
  return gaps;
}
