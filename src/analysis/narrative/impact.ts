import type { Event, NarrativeClaim } from '../../model/index.js';
import { span, storyClockOf } from '../course.js';
import { readStatedImpact, type StatedImpact } from '../stated-impact.js';
import type { NarrativeContext } from './context.js';
import { HUMAN_KINDS, quoted } from './words.js';

/** At most this many stated figures: the rest repeat them. */
const MAX_STATED = 5;

const pct = (v: number) => `${v < 1 ? v.toFixed(2) : v.toFixed(1)} %`;
const number = (v: number) => Math.round(v).toLocaleString('en-US');

/** The metric entries of one measure, onset and peak first: what a measured figure cites. */
function metricRefs(events: Event[], measure: string): string[] {
  const of = events.filter((e) => e.kind === 'metric' && e.attrs.measure === measure);
  const peak = of.find((e) => e.attrs.phase === 'peak');
  return [...new Set([...(peak ? [peak] : []), ...of.slice(0, 1)].map((e) => e.ref))];
}

/** A stated figure in words: "6 customers", "20 % of users", "tickets at 4× their usual level". */
function figureWords(s: StatedImpact): string {
  switch (s.kind) {
    case 'count':
      return s.value != null ? `${number(s.value)} ${s.subject}` : s.phrase;
    case 'share':
      return `${s.value} % of ${s.subject}`;
    case 'multiplier':
      return `${s.subject} at ${s.value}× their usual level`;
    case 'rise':
      return `${s.subject} rising`;
    default:
      return `${s.subject} reporting failures`;
  }
}

const SOURCE_WORDS: Record<string, string> = {
  chat: 'A message',
  report: 'A report',
  ticket: 'A ticket',
  note: 'A note',
};

/** What messages, reports and tickets say about the harm to users, each cited to its entry. */
function statedImpact(events: Event[], at: (ts: number) => string): NarrativeClaim[] {
  const seen = new Set<string>();
  const out: NarrativeClaim[] = [];
  for (const e of events) {
    if (!HUMAN_KINDS.has(e.kind)) continue;
    for (const s of readStatedImpact(e.summary)) {
      const key = `${s.kind} ${s.subject} ${s.value}`;
      if (seen.has(key) || out.length >= MAX_STATED) continue;
      seen.add(key);
      out.push({
        text: `${quoted(`${SOURCE_WORDS[e.kind]} at ${at(e.ts)} (${e.ref}) states ${figureWords(s)}`, e.summary)}.`,
        refs: [e.ref],
        confidence: s.value != null ? 0.75 : 0.65,
      });
    }
  }
  return out;
}

/**
 * Impact in user terms: how long, how many requests failed and how badly, the error budget, and
 * what people reported (ticket volume, customers who could not pay), each cited.
 */
export function impactNarrative(ctx: NarrativeContext): NarrativeClaim[] {
  const { impactStart, recovered } = ctx.moments;
  const at = storyClockOf(ctx.moments);
  const i = ctx.impact;
  const out: NarrativeClaim[] = [];
  if (impactStart && recovered && ctx.durations.impact != null)
    out.push({
      text: `Impact lasted ${span(ctx.durations.impact * 1000)}, from ${at(impactStart.ts)} (${impactStart.ref}) to ${at(recovered.ts)} (${recovered.ref}).`,
      refs: [impactStart.ref, recovered.ref],
      confidence: 0.9,
    });
  else if (impactStart)
    out.push({
      text: `Impact began at ${at(impactStart.ts)} (${impactStart.ref}); the evidence does not show it ending.`,
      refs: [impactStart.ref],
      confidence: 0.9,
    });
  if (i.errorRatePeak != null) {
    const refs = metricRefs(ctx.events, 'errorRate');
    out.push({
      text: `The error rate peaked at ${pct(i.errorRatePeak)}${i.errorRateBaseline != null ? ` against a baseline of ${pct(i.errorRateBaseline)}` : ''}${refs.length ? ` (${refs.join(', ')})` : ''}.`,
      refs,
      confidence: 0.9,
    });
  }
  if (i.failedRequests != null) {
    const refs = metricRefs(ctx.events, 'errorRate');
    out.push({
      text: `About ${number(i.failedRequests)} requests failed while impact lasted, counted from the metric series${refs.length ? ` (${refs.join(', ')})` : ''}.`,
      refs,
      confidence: 0.8,
    });
  }
  if (i.latencyPeakMs != null) {
    const refs = metricRefs(ctx.events, 'latencyMs');
    out.push({
      text: `Latency peaked at ${number(i.latencyPeakMs)} ms${i.latencyBaselineMs != null ? ` against a baseline of ${number(i.latencyBaselineMs)} ms` : ''}${refs.length ? ` (${refs.join(', ')})` : ''}.`,
      refs,
      confidence: 0.9,
    });
  }
  if (i.usersAffected != null)
    out.push({ text: `${number(i.usersAffected)} users were affected.`, refs: [], confidence: 0.8 });
  if (i.errorBudgetConsumedPercent != null)
    out.push({
      text: `The incident used ${i.errorBudgetConsumedPercent.toFixed(1)} % of the error budget${i.sloBreached ? ', and the SLO was breached' : ''}.`,
      refs: [],
      confidence: 0.8,
    });
  out.push(...statedImpact(ctx.events, at));
  return out;
}
