import { impactFromSeries } from '../metrics/index.js';
import type {
  Claim,
  Durations,
  Event,
  Finding,
  FollowUp,
  Impact,
  Manifest,
  Moments,
  Narrative,
  Series,
  Statement,
  Suspect,
} from '../model/index.js';
import { blameless, peopleIn } from './blameless.js';
import { makeClaims } from './claims.js';
import { deriveFollowUps } from './follow-ups.js';
import { findGaps } from './gaps.js';
import { checkClaim, checksInWindow } from './health-impact.js';
import { durations, findMoments, type MomentEvents } from './moments.js';
import { buildNarrative } from './narrative/index.js';
import { markResponses } from './responses.js';
import { rules } from './rules/index.js';
import { scopeToIncident } from './scope.js';
import { figureFromChange, impactBeganWithChange, recoveryFromFigures } from './stated-figures.js';
import { boundsFromWindows } from './stated-windows.js';
import { CONVINCING, pointsElsewhere, rankSuspects } from './suspects.js';

export interface Analysis {
  moments: Moments;
  momentEvents: MomentEvents;
  durations: Durations;
  suspects: Suspect[];
  findings: Finding[];
  claims: Claim[];
  impact: Impact;
  followUps: FollowUp[];
  gaps: string[];
  /** Impact in user terms, detection, response, resolution and the drafted lessons, each cited. */
  narrative: Narrative;
  /** Names found in the evidence; narrative built later must pass through `blameless` too. */
  people: string[];
}

export const EMPTY_IMPACT: Impact = {
  errorRatePeak: null,
  errorRateBaseline: null,
  latencyPeakMs: null,
  latencyBaselineMs: null,
  failedRequests: null,
  failedChecks: null,
  usersAffected: null,
  errorBudgetConsumedPercent: null,
  sloBreached: null,
};

const numbered = <T>(prefix: string, items: T[]) =>
  items.map((item, i) => ({ id: `${prefix}-${String(i + 1).padStart(3, '0')}`, ...item }));

const toMoment = (e: Event | null) => (e ? { ts: new Date(e.ts).toISOString(), ref: e.ref } : null);

/** The services that showed symptoms: the manifest's, else those named by symptom events. */
function affectedServices(events: Event[], manifest: Manifest): Set<string> {
  if (manifest.services.length) return new Set(manifest.services);
  return new Set(events.filter((e) => e.signals.includes('symptom') && e.service).map((e) => e.service!));
}

/**
 * Works out what happened: pure, from the timeline's events and the manifest.
 * `statements` are what documents say outside their timelines (stated figures, causal sentences).
 * @example const analysis = analyze(timeline.events, bundle.manifest, timeline.series, timeline.statements)
 */
export function analyze(
  evidence: Event[],
  manifest: Manifest,
  series: Series[] = [],
  statements: Statement[] = [],
): Analysis {
  const scoped = scopeToIncident(evidence, manifest);
  const first = findMoments(scoped);
  const events = markResponses(scoped, first.impactStart ?? first.detected);
  const found = findMoments(events);
  // With no symptom on record, the problem began no later than the team learned of it: changes
  // are weighed against that moment, though impact start itself stays unknown.
  // Where no symptom is on record, the window the document states bounds the problem as well.
  const stated = found.impactStart ? null : boundsFromWindows(found, statements, events).impactStart;
  const suspectContext = {
    events,
    impactStart: found.impactStart ?? stated ?? found.detected,
    recovered: found.recovered,
    affected: affectedServices(events, manifest),
    statements,
  };
  const suspects = rankSuspects(suspectContext);
  const elsewhere = pointsElsewhere(suspectContext);
  const top = suspects[0];
  const trigger =
    top && top.confidence >= CONVINCING ? (events.find((e) => e.ref === top.ref) ?? null) : null;
  const m: MomentEvents = { trigger, ...found };
  // What the document's own figures say where the timeline is silent or counts otherwise.
  m.recovered ??= recoveryFromFigures(m, statements, events);
  // The document's figures count from the change, or no symptom is on record at all while a change
  // convincingly caused the incident: impact began with that change.
  const noSymptom = !m.impactStart && trigger !== null;
  const countedFromChange =
    trigger && m.impactStart && trigger.ts < m.impactStart.ts
      ? figureFromChange(trigger, m.impactStart, m.recovered, statements) !== null
      : false;
  if (impactBeganWithChange(m, statements) || countedFromChange || noSymptom) m.impactStart = trigger;
  const { cites: bounded, ...bounds } = boundsFromWindows(m, statements, events);
  Object.assign(m, bounds);
  const d = durations(m);
  const ctx = { events, moments: m, suspects, manifest, statements };
  const people = peopleIn(events);
  const say = (text: string) => blameless(text, people);
  const findings = numbered(
    'F',
    rules.flatMap((rule) =>
      rule.check(ctx).map((f) => ({ rule: rule.id, kind: rule.kind, ...f, statement: say(f.statement) })),
    ),
  );
  const window = { start: m.impactStart?.ts ?? null, end: m.recovered?.ts ?? null };
  const checks = checksInWindow(events, window.start, window.end);
  const impact = {
    ...EMPTY_IMPACT,
    ...impactFromSeries(series, manifest, window),
    failedChecks: checks.failedChecks,
  };
  const checkStatement = checkClaim(checks);
  const narrative = buildNarrative(
    { events, moments: m, durations: d, findings, impact, manifest, statements },
    say,
  );
  return {
    moments: Object.fromEntries(Object.entries(m).map(([k, e]) => [k, toMoment(e)])) as Moments,
    momentEvents: m,
    durations: d,
    suspects,
    findings,
    claims: numbered(
      'CLM',
      makeClaims(
        events,
        m,
        suspects,
        elsewhere,
        findings.filter((f) => f.kind === 'mechanism'),
        bounded,
        noSymptom && m.impactStart === trigger,
      )
        .concat(checkStatement ? [checkStatement] : [])
        .map((c) => ({ ...c, statement: say(c.statement) })),
    ),
    impact,
    followUps: numbered(
      'FU',
      deriveFollowUps(ctx, d, findings).map((f) => ({ ...f, action: say(f.action) })),
    ),
    gaps: findGaps({
      events,
      moments: m,
      suspects,
      elsewhere,
      impact,
      mechanisms: findings.filter((f) => f.kind === 'mechanism'),
    }).map(say),
    narrative,
    people,
  };
}
