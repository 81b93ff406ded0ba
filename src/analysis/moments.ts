import type { Durations, Event, MomentName } from '../model/index.js';
import { tellsOfTheProblem } from '../timeline/index.js';
import { firstAtOrAfter, notKnownBefore, withSignal } from './course.js';

export type MomentEvents = Record<MomentName, Event | null>;

/** Kinds that tell of someone acting, not of a state. */
const ACTS = new Set(['action', 'change', 'rollback', 'ack']);

/** Kinds whose symptom signal is evidence of the incident itself, not talk about it. */
const OBSERVED = new Set(['alert', 'page', 'report', 'health', 'log', 'metric', 'note']);

/** Kinds whose events are a tool's or an outsider's doing, never a responder's first act. */
const NOT_RESPONDING = new Set([
  'alert',
  'alert_resolved',
  'page',
  'report',
  'health',
  'log',
  'metric',
  'change',
]);

/**
 * Kinds a tool records: an incident it opens is not a responder declaring one. A tracker's ticket
 * may be opened by an integration as well as by a person, so it says nothing of who answered.
 */
const BY_TOOL = new Set(['alert', 'alert_resolved', 'page', 'health', 'log', 'metric', 'ticket']);

/** A person named as acting: a handle, "manually", "we", the team, an engineer, the on-call, an admin. */
const BY_PERSON =
  /(?<![\w.])@[A-Za-z0-9]|\b(?:manual(?:ly)?|we|team|engineers?|on-?call(?:er)?s?|admins?|sres?)\b/i;

/**
 * A responder at work: an acknowledgement, an act by a responder (a decision, a fix, a restart), a
 * rollback or a fix a person is named doing, a mitigation recorded as a state ("new certificates
 * generated"), a finding about the cause, or the incident declared by a person (on a report, in a
 * note: "Incident declared. I deleted the prod namespace …"); not the incident being closed. A rollback or a change
 * with no one named may be a pipeline's own doing (an automatic rollback), and what a tool or an
 * outsider records is not a response.
 */
const responds = (e: Event) =>
  !closesOnly(e) &&
  (e.kind === 'ack' ||
    e.kind === 'action' ||
    ((e.kind === 'rollback' || e.kind === 'change') &&
      e.signals.includes('mitigation') &&
      BY_PERSON.test(e.summary)) ||
    (e.signals.includes('diagnosis') && !NOT_RESPONDING.has(e.kind)) ||
    (e.signals.includes('mitigation') && e.kind === 'note') ||
    (e.signals.includes('declare') && !BY_TOOL.has(e.kind)));

/** Closing the incident, and nothing else: the end of the response, never its start. */
const closesOnly = (e: Event) =>
  e.signals.includes('close') && !e.signals.some((s) => s !== 'close' && s !== 'recovery');

/** Work begun days after the team learned of a problem answers it, but says nothing of when it was acknowledged. */
const ANSWER_WITHIN_MS = 24 * 3600_000;
/**
 * The first response acknowledged the problem when it came within three days of the team learning
 * of it: a Friday's alert first answered on Monday morning is still that alert's answer.
 */
const RESPONSE_WITHIN_MS = 72 * 3600_000;

/** Events carrying `signal`, preferring those that do not also carry `not` (recovery is not closure). */
function preferring(events: Event[], signal: 'recovery' | 'close', not: 'recovery' | 'close'): Event[] {
  const all = withSignal(events, signal);
  const pure = all.filter((e) => !e.signals.includes(not));
  return pure.length ? pure : all;
}

/** Symptoms observed after `ts`: the service was not yet well. A line that says the symptom ended does not count. */
export const symptomsAfter = (events: Event[], ts: number) =>
  events.filter(
    (e) =>
      e.ts > ts && e.signals.includes('symptom') && OBSERVED.has(e.kind) && !e.signals.includes('recovery'),
  );

/** The recoveries the evidence records at or after impact start (or anywhere, when no impact is recorded). */
export function recoveriesOf(events: Event[], impactStart: Event | null): Event[] {
  return preferring(events, 'recovery', 'close').filter(
    (e) => !impactStart || (e.ts >= impactStart.ts && e !== impactStart),
  );
}

/**
 * The entries timed on the day `e` is dated to, written before it in the same document: `e`, known
 * only to its day, came after them ("**2026-04-16 17:56** deploy …" then "**2026-04-16 to
 * 2026-05-16** silent failure").
 */
const writtenAfterTimed = (events: Event[], e: Event) =>
  events.filter(
    (t) =>
      notKnownBefore(e, t) && t.source.file === e.source.file && (t.source.line ?? 0) < (e.source.line ?? 0),
  );

/**
 * When no line says the service came back, the fix that ended the problem: with no symptom recorded
 * anywhere (a vulnerability reported, nothing seen failing), the exposure closes when its last fix
 * ships; where something was seen failing, the first fix after which no symptom is recorded, or,
 * where the fix runs in steps, its last step within the hour. The report says that no line states it.
 */
/** Steps of one fix follow each other within the hour ("cluster created", "data moved", "hub up"). */
const STEPS_WITHIN_MS = 3600_000;

function fixThatEnded(events: Event[]): Event | null {
  const fixes = events.filter((e) => e.signals.includes('mitigation') && e.signals.includes('change'));
  if (!withSignal(events, 'symptom').length) return fixes.at(-1) ?? null;
  const settled = fixes.filter((f) => !symptomsAfter(events, f.ts).length);
  const first = settled[0];
  return first ? (settled.filter((f) => f.ts - first.ts <= STEPS_WITHIN_MS).at(-1) ?? first) : null;
}

/**
 * A decision told as such: "Decision made to rollback", "We decided to roll back", "Rolling back
 * rather than hotfixing".
 */
const DECISION = /\b(?:decid(?:e|es|ed|ing)|decision|rather\s{1,3}than|instead\s{1,3}of)\b/i;
/** An act told as over ("The rollback is complete"): its start is not recorded, so the decision stands for it. */
const ENDED = /\b(?:complet(?:e|ed|es)|finish(?:ed|es)?|done|succeeded)\b/i;
/** How soon the act a decision names follows it, when the evidence records both. */
const DECIDED_ACT_MS = 15 * 60_000;

/**
 * The act a decision to mitigate led to ("Decision made to rollback" at 14:25, "Rollback initiated"
 * or the rollout undone at 14:30): where the evidence records the act soon after, mitigation began
 * with the act; a decision recorded alone, or followed only by the act's end, stands for it.
 */
function actedOn(first: Event | null, events: Event[]): Event | null {
  if (!first || !DECISION.test(first.summary)) return first;
  const act = events.find(
    (e) =>
      e.ts > first.ts &&
      e.ts - first.ts <= DECIDED_ACT_MS &&
      e.signals.includes('mitigation') &&
      !DECISION.test(e.summary) &&
      !ENDED.test(e.summary) &&
      !e.signals.includes('recovery'),
  );
  return act ?? first;
}

/**
 * The incident's moments (SPEC §3) from classified events; `trigger` is decided by the suspects.
 * They keep an incident's order: impact start ≤ detected ≤ acknowledged; mitigation and recovery
 * after impact start, and mitigation no more than a day before detection. Recovery is the first
 * sign of health after which no symptom returns, so a flapping service recovers at its last
 * recovery; a formal close is not a recovery.
 */
export function findMoments(events: Event[]): Omit<MomentEvents, 'trigger'> {
  // A start the Summary or Impact states, with no entry at its time, counts only where it comes
  // before every symptom the timeline records and no later than the first detection.
  const statedStart = events.find((e) => e.attrs.statedStart && tellsOfTheProblem(e.summary));
  const symptoms = withSignal(
    events.filter((e) => !e.attrs.statedStart),
    'symptom',
  );
  const detects = withSignal(events, 'detect');
  // The writer's own mark of where the outage starts decides, unless the outage (a symptom) was reported in
  // the day before it (the mark or its date is then mistaken; a report weeks earlier is of an
  // earlier problem); else the first symptom, where a symptom dated only to a day on which
  // another is timed, or written after an entry timed on its day, began no earlier than anyone can tell.
  const marked = symptoms.find((s) => s.attrs.impactBound === 'start');
  const reportedBefore = (m: Event) =>
    detects.some((d) => d.ts < m.ts && m.ts - d.ts <= ANSWER_WITHIN_MS && d.signals.includes('symptom'));
  const known = symptoms.filter(
    (s) => !symptoms.some((t) => notKnownBefore(s, t)) && !writtenAfterTimed(events, s).length,
  );
  let impactStart = (marked && !reportedBefore(marked) ? marked : null) ?? firstAtOrAfter(known, null);
  // The first symptom, known only to its day, written after a change timed on that day: the
  // problem began with that change at the earliest, which is as near as the document places it.
  const first = firstAtOrAfter(symptoms, null);
  const changeBefore =
    first &&
    writtenAfterTimed(events, first)
      .filter((t) => t.kind === 'change')
      .at(-1);
  if (!marked && changeBefore && (!impactStart || changeBefore.ts <= impactStart.ts))
    impactStart = changeBefore;
  const detectedFirst = firstAtOrAfter(detects, null);
  const stated =
    statedStart &&
    (!impactStart || statedStart.ts < impactStart.ts) &&
    (!detectedFirst || statedStart.ts <= detectedFirst.ts)
      ? statedStart
      : null;
  if (stated) impactStart = stated;
  const start = impactStart?.ts ?? null;
  const firstDetect = firstAtOrAfter(detects, start);
  // A responder acknowledging, or the incident declared, is the team knowing: detection is no later
  // than that, even when no line records it.
  const knowing = events.filter((e) => e.signals.includes('ack') || e.signals.includes('declare'));
  // The team at work on the problem before any symptom or detection is recorded ("Investigation
  // begins: the topic shows 0 messages", then the first failure found): they knew by then, and the
  // problem began earlier, at a time no line gives.
  const earliestKnown = firstAtOrAfter(knowing, null);
  const knownFirst =
    earliestKnown !== null && start !== null && earliestKnown.ts < start && detects.length === 0;
  const firstKnown = knownFirst ? earliestKnown : firstAtOrAfter(knowing, start);
  if (knownFirst) impactStart = null;
  const detected = firstKnown && (!firstDetect || firstKnown.ts < firstDetect.ts) ? firstKnown : firstDetect;
  const from = detected?.ts ?? start;
  // With no acknowledgement recorded, the first response acknowledged the problem (SPEC §3). A
  // detection is not its own answer, unless the team's act (the incident declared) is all that
  // tells when they knew: then it is both.
  const responses = events.filter(
    (e) =>
      from != null &&
      (e !== detected || detected === firstKnown) &&
      responds(e) &&
      e.ts - from <= RESPONSE_WITHIN_MS,
  );
  const acknowledged = firstAtOrAfter(withSignal(events, 'ack'), from) ?? firstAtOrAfter(responses, from);
  // Mitigating is answering the problem: an act more than a day before anyone knew of it (a job
  // deleting files twelve days before the report) did something else, whatever its words.
  const answerable = detected ? Math.max(start ?? 0, detected.ts - ANSWER_WITHIN_MS) : start;
  const mitigationStarted = actedOn(firstAtOrAfter(withSignal(events, 'mitigation'), answerable), events);
  const recoveries = recoveriesOf(events, impactStart);
  // A window the writer says the problem lasted until ("degraded performance until 18:19") holds
  // the problem to its end: a recovery told before that end is not yet the end.
  const lastedPast = (r: Event) => events.some((e) => e.attrs.impactBound === 'end' && e.ts > r.ts);
  const settled = recoveries.filter((r) => !symptomsAfter(events, r.ts).length && !lastedPast(r));
  // A service back only in part ("largely restored by 14:30") recovers when a later line says it is
  // back in full ("all services fully restored by 17:06"). A story told in prose tells each part's
  // recovery and the whole's, so its latest is the end; a timeline's later lines confirm what it
  // recorded first. When symptoms follow every recorded recovery, the last one is kept and the gaps
  // ask about it.
  const full = settled.filter((r) => !r.attrs.partialRecovery);
  // An act read as ending the problem ("Restarted the operator") is confirmed by a later line that
  // states the service's state ("Confirmed Kafka Ready and the probe passing", "All clear given"):
  // where the timeline states the state within the day, that is when the impact is known to have ended.
  const stateOf = full.find((r) => !ACTS.has(r.kind) && full[0] && r.ts - full[0].ts <= ANSWER_WITHIN_MS);
  const firstFull = full[0] && ACTS.has(full[0].kind) && stateOf ? stateOf : full[0];
  const recovered =
    (full.length && full.every((r) => r.attrs.prose) ? full.at(-1) : firstFull) ??
    settled[0] ??
    recoveries.at(-1) ??
    (recoveries.length ? null : fixThatEnded(events));
  const declared = withSignal(events, 'declare')[0] ?? null;
  const closes = preferring(events, 'close', 'recovery').filter((e) => e !== recovered);
  const closed = (recovered && closes.find((e) => e.ts >= recovered.ts)) ?? closes.at(-1) ?? null;
  return { impactStart, detected, acknowledged, mitigationStarted, recovered, declared, closed };
}

const seconds = (a: Event | null, b: Event | null) => (a && b ? Math.round((b.ts - a.ts) / 1000) : null);

export function durations(m: MomentEvents): Durations {
  return {
    detect: seconds(m.impactStart, m.detected),
    acknowledge: seconds(m.detected, m.acknowledged),
    mitigate: seconds(m.detected, m.recovered),
    impact: seconds(m.impactStart, m.recovered),
    detectFromTrigger: seconds(m.trigger, m.detected),
    impactFromTrigger: seconds(m.trigger, m.recovered),
  };
}
