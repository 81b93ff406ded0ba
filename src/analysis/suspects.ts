import type { Event, Statement, Suspect } from '../model/index.js';
import { namesWord } from '../text/regexp.js';
import { changeFacts, sourceIdOf } from '../timeline/index.js';
import { type CauseAccount, causeAccounts, cited, GRADUAL, namedChanges, OUTSIDE } from './causes.js';
import { clock, firstAtOrAfter, notKnownBefore, span, withSignal } from './course.js';
import { byOutsider, outsiderActs } from './outsiders.js';
import { figureFromChange } from './stated-figures.js';

const MINUTE = 60_000;
const LOOKBACK = 7 * 24 * 60 * MINUTE;
/** Below this, no change is named as the trigger: say so instead of blaming the nearest deploy. */
export const CONVINCING = 0.5;
/** The most a change can score when it cannot be the trigger: made after impact began, or the evidence points elsewhere. */
const AT_MOST_CONTRIBUTING = 0.45;
/** A change elsewhere, with only its timing for it: below any contributing factor of the affected service. */
const ELSEWHERE_AT_MOST = 0.35;

export interface SuspectContext {
  events: Event[];
  impactStart: Event | null;
  recovered: Event | null;
  affected: Set<string>;
  /** What documents state outside their timelines; their cause statements are evidence. */
  statements?: Statement[];
}

/** What the evidence says about causes, worked out once for all changes. */
interface Causes {
  /** The accounts that name each change. */
  naming: Map<Event, CauseAccount[]>;
  /** Changes an account says someone outside the team made. */
  outsiders: Set<Event>;
  /** Accounts that point away from every change of ours: an upstream, an attack, a slow build-up, an outsider's act. */
  elsewhere: CauseAccount[];
}

function proximity(gap: number): [number, string] {
  if (gap <= 5 * MINUTE) return [0.35, 'within 5 min'];
  if (gap <= 15 * MINUTE) return [0.3, 'within 15 min'];
  if (gap <= 60 * MINUTE) return [0.2, 'within the hour'];
  if (gap <= 6 * 60 * MINUTE) return [0.1, 'within 6 h'];
  return [0, 'more than 6 h'];
}

/**
 * Words of undoing a change ("rolled over" a node is no undo); switching off what the change put in
 * place ("We disabled the CRON job responsible for the issue") undoes it too.
 */
const UNDOING =
  /roll(?:ed|ing|s)?[ -]?back|rollback|revert|undo|restor|previous|reinstat|downgrad|disabl|(?:turn|switch)(?:ed|ing|s)?\s{1,3}off\b/i;

/** The act an undoing word names, by its stem ("turned off" and "turn off" alike). */
const actOf = (match: RegExpExecArray | null) =>
  match
    ? match[0]
        .toLowerCase()
        .replace(/[^a-z]/g, '')
        .slice(0, 4)
    : null;

/** A line saying an attempt did not work: "rollback fails due to …", "attempted … but it was not possible". */
const FAILED =
  /\b(?:fail(?:s|ed)|unsuccessful)\b(?=\s?(?:$|[.,;:)!]|(?:to|due|because|with|again|as|and|after|on|when)\b))|\b(?:unable to|not possible|to no avail|without (?:success|effect))\b|\bdid(?:n't| not) (?:work|help|succeed|complete|resolve|fix)\b/i;

/**
 * The undo after which the symptoms ended: the first mitigation undoing this change before recovery
 * (it names the change, its version or service, or it is the only change) that did not fail — its
 * own line or a later one says so, or symptoms are still recorded after it.
 */
function undoneBy(change: Event, ctx: SuspectContext, onlyChange: boolean): Event | null {
  const recovered = ctx.recovered;
  if (!recovered) return null;
  const version = changeFacts(change.summary, change.attrs).version;
  const between = (m: Event) =>
    ctx.events.filter((e) => e.ts > m.ts && e.ts <= recovered.ts && e !== recovered);
  // A change that itself turns something off or disables it is not undone by more of the same.
  const own = actOf(UNDOING.exec(change.summary));
  const undos = withSignal(ctx.events, 'mitigation').filter((m) => {
    if (m.ts < change.ts || m.ts > recovered.ts || !UNDOING.test(m.summary)) return false;
    if (own && actOf(UNDOING.exec(m.summary)) === own) return false;
    if (FAILED.test(m.summary)) return false;
    const later = between(m);
    if (later.some((e) => e.signals.includes('symptom') && !e.signals.includes('recovery'))) return false;
    if (later.some((e) => UNDOING.test(e.summary) && FAILED.test(e.summary))) return false;
    const text = [m.summary, ...m.details].join(' ');
    if (change.ownRef && namesWord(text, sourceIdOf(change))) return true;
    if (version && namesWord(text, version)) return true;
    if (change.service && (m.service === change.service || namesWord(text, change.service))) return true;
    // With no service on record, the thing both lines name ties them instead.
    if (!change.service && !m.service && sharesThing(change.summary, m.summary, ctx.events)) return true;
    return onlyChange;
  });
  return firstAtOrAfter(undos, change.ts);
}

/** Words of changing and undoing, and small words: they name no thing changed. */
const NOT_A_THING = new Set(
  'update updated updates upgrade upgraded downgrade downgraded deploy deployed deployment revert reverted rollback rolled back change changed changes version versions previous previously prior last known good release released restart restarted config configuration installed install apply applied with from into were have been which again after before then also this that their there these those them what when where while will would should could manually team engineer engineers made make done fix fixed issue problem incident some more back down'.split(
    ' ',
  ),
);
const thingsIn = (text: string) =>
  new Set(
    (text.toLowerCase().match(/[a-z]{4,}/g) ?? [])
      .filter((w) => !NOT_A_THING.has(w))
      .map((w) => w.replace(/(?<=[a-z]{3})s$/, '')),
  );

/**
 * The undo and the change name the same thing ("Mark Waite updated plugins" … "Downgraded Azure
 * container plugin"), in a word that at most half the record's lines use (not the product's name).
 */
function sharesThing(change: string, undo: string, events: Event[]): boolean {
  const mine = thingsIn(change);
  const shared = [...thingsIn(undo)].filter((w) => mine.has(w));
  if (!shared.length) return false;
  const uses = usesOf(events);
  const limit = Math.max(2, Math.floor(events.length / 2));
  return shared.some((w) => (uses.get(w) ?? 0) <= limit);
}

/** How many of the record's lines use each word, counted once per record. */
const wordUses = new WeakMap<Event[], Map<string, number>>();
function usesOf(events: Event[]): Map<string, number> {
  let uses = wordUses.get(events);
  if (!uses) {
    uses = new Map();
    for (const e of events) for (const w of thingsIn(e.summary)) uses.set(w, (uses.get(w) ?? 0) + 1);
    wordUses.set(events, uses);
  }
  return uses;
}

function readCauses(ctx: SuspectContext, changes: Event[]): Causes {
  const accounts = causeAccounts(ctx.statements ?? [], ctx.events);
  const naming = new Map<Event, CauseAccount[]>();
  const outsiders = new Set<Event>();
  const elsewhere: CauseAccount[] = [];
  // "A malicious user redirected downloads … with a wiki edit": what that passage names is not ours.
  const outsiderPassages = new Set(accounts.filter((a) => outsiderActs(a.text)).map((a) => a.cite));
  for (const { account, changes: named } of namedChanges(accounts, changes, ctx.events)) {
    if (named.length && outsiderPassages.has(account.cite)) {
      for (const c of named) outsiders.add(c);
      elsewhere.push(account);
    } else for (const c of named) naming.set(c, [...(naming.get(c) ?? []), account]);
  }
  if (!naming.size)
    elsewhere.push(
      ...accounts.filter((a) => !elsewhere.includes(a) && (OUTSIDE.test(a.text) || GRADUAL.test(a.text))),
    );
  return { naming, outsiders, elsewhere };
}

function assess(change: Event, ctx: SuspectContext, onlyChange: boolean, causes: Causes): Suspect | null {
  // With no symptom on record, the team learning of the problem is the first sign of it.
  const symptoms = withSignal(ctx.events, 'symptom');
  const signs = symptoms.length || !ctx.impactStart ? symptoms : [ctx.impactStart];
  const after = signs.find((s) => s.ts >= change.ts);
  if (!after) return null;
  const reasons: string[] = [];
  const against: string[] = [];
  // Evidence tying this change itself to the harm, beyond when it happened and where.
  const direct: string[] = [];
  let score = 0.25;
  const [bonus, phrase] = proximity(after.ts - change.ts);
  score += bonus;
  if (change.signals.includes('symptom')) {
    score += 0.15;
    reasons.push(`its own record states the symptom: impact began with it (${clock(change.ts)})`);
    direct.push(`its own record states a symptom (${clock(change.ts)})`);
  } else
    reasons.push(
      `preceded the first ${after.signals.includes('symptom') ? 'symptom' : 'sign of the problem'} after it (${after.ref}) by ${span(after.ts - change.ts)} (${phrase})`,
    );
  if (change.service && ctx.affected.has(change.service)) {
    score += 0.15;
    reasons.push(`changed ${change.service}, the affected service`);
  } else if (change.service) {
    score -= 0.1;
    against.push(`changed ${change.service}, which showed no symptoms`);
  } else if (ctx.affected.size === 1) {
    score += 0.05;
    reasons.push(`names no service; the incident concerns only ${[...ctx.affected][0]}`);
  }
  const undo = undoneBy(change, ctx, onlyChange);
  const cure = undo ? ctx.recovered : null;
  if (undo && cure) {
    score += 0.25;
    direct.push(
      `symptoms ended (${cure.ref}, ${clock(cure.ts)}) after it was rolled back (${undo.ref}, ${clock(undo.ts)})`,
    );
  }
  // New log templates of the service it changed (or where either names none): another service's
  // new errors say nothing of this change without a tie between the two.
  const newLogs = ctx.events.filter(
    (e) =>
      e.kind === 'log' &&
      e.attrs.new === true &&
      e.ts >= change.ts &&
      e.ts - change.ts <= 30 * MINUTE &&
      (!change.service || !e.service || e.service === change.service),
  );
  if (newLogs.length) {
    score += 0.1;
    direct.push(`new log templates appeared after it (${newLogs.map((e) => e.ref).join(', ')})`);
  }
  for (const account of causes.naming.get(change) ?? []) {
    score += 0.3;
    direct.push(cited(account));
  }
  // The team counts its figures from this change: they hold it for the start.
  const figure = figureFromChange(change, after, ctx.recovered, ctx.statements ?? []);
  if (figure) {
    score += 0.3;
    direct.push(`the document's figure '${figure.text}' counts from it (${clock(change.ts)})`);
  }
  const before = symptoms.filter((s) => s.ts < change.ts && ctx.impactStart && s.ts >= ctx.impactStart.ts);
  const worse = direct.filter((d) => !d.startsWith('its own record'));
  if (before.length) {
    // Made after impact began: never the trigger; a contributing factor only when the evidence says it
    // made things worse (a symptom on its own line may only say the harm went on).
    if (!worse.length) return null;
    score = Math.min(score - 0.3, AT_MOST_CONTRIBUTING);
    against.unshift(
      `symptom-precedes-change: ${before[0].ref} (${clock(before[0].ts)}) "${before[0].summary}" came ${span(change.ts - before[0].ts)} before it`,
    );
    reasons.unshift(
      `a contributing factor at most, not the trigger: made after impact began; the evidence says it made things worse: ${worse.join('; ')}`,
    );
  } else {
    reasons.push(...worse);
    if (causes.elsewhere.length && !direct.length) {
      score = Math.min(score, AT_MOST_CONTRIBUTING);
      against.push(`the evidence points elsewhere: ${cited(causes.elsewhere[0])}`);
    }
  }
  // A change to a service that showed no symptoms, with nothing but its timing for it, is no nearer
  // the cause than a change of the affected service the evidence says made things worse.
  if (change.service && ctx.affected.size && !ctx.affected.has(change.service) && !direct.length)
    score = Math.min(score, ELSEWHERE_AT_MOST);
  const confidence = Math.round(Math.min(0.95, Math.max(0.05, score)) * 100) / 100;
  return { ref: change.ref, service: change.service, summary: change.summary, confidence, reasons, against };
}

/**
 * The changes that could have caused the incident: ours, not responses to it, made in the week
 * before recovery, each naming what changed when its words are all that say it is a change.
 */
export function candidateChanges(ctx: Pick<SuspectContext, 'events' | 'impactStart' | 'recovered'>): Event[] {
  if (!ctx.impactStart) return [];
  const impact = ctx.impactStart;
  const start = impact.ts;
  const end = ctx.recovered?.ts ?? Number.POSITIVE_INFINITY;
  return ctx.events.filter(
    (e) =>
      e.kind === 'change' &&
      !e.signals.includes('mitigation') &&
      // Dated only to the day impact began at a stated time, it cannot be shown to come before it.
      !notKnownBefore(e, impact) &&
      !byOutsider(e) &&
      // A line read as a change that names nothing changed tells of something else.
      !e.attrs.unnamedChange &&
      e.ts >= start - LOOKBACK &&
      e.ts < end,
  );
}

/**
 * Ranks the changes that could have caused the incident, best first, with reasons for and against.
 * A change made after impact began is never the trigger: it is kept, capped below CONVINCING, only
 * when the evidence says it made things worse. When the evidence points away from every change
 * (an upstream outage, an attack, a cause statement naming no change), no change without direct
 * evidence reaches CONVINCING.
 */
export function rankSuspects(ctx: SuspectContext): Suspect[] {
  const changes = candidateChanges(ctx);
  const causes = readCauses(ctx, changes);
  return changes
    .filter((c) => !causes.outsiders.has(c))
    .map((c) => assess(c, ctx, changes.length === 1, causes))
    .filter((s): s is Suspect => s !== null)
    .sort((a, b) => b.confidence - a.confidence);
}

/** The accounts in the evidence that point away from every change, for saying what the evidence points to instead. */
export function pointsElsewhere(ctx: SuspectContext): CauseAccount[] {
  return readCauses(ctx, candidateChanges(ctx)).elsewhere;
}

/** A suspect kept only as a possible contributing factor: a symptom came before it. */
export const contributing = (s: Suspect) => s.against.some((a) => a.startsWith('symptom-precedes-change: '));
