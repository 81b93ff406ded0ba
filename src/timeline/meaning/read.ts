import type { EventKind, Signal } from '../../model/index.js';
import { sentencesOf } from '../../text/sentences.js';
import type { Line } from './features.js';
import { features, firstSentence, toldGroups } from './features.js';
import { afterOpeningBound, besidesClosing, markers } from './markers.js';
import { score, type Weights } from './model.js';
import bundled from './weights.json' with { type: 'json' };

export interface Meaning {
  kind: EventKind;
  signals: Signal[];
  /** Where the writer marked the impact to start or end on this line, when they did. */
  bound?: 'start' | 'end';
  /** The line tells of the service back only in part, which a later full recovery outlasts. */
  partial?: true;
  /**
   * Read as a change, but no word says what changed ("Our API had an incident that lasted two
   * hours"): too weak to suspect of causing the incident.
   */
  unnamedChange?: true;
  /**
   * The kind is the writer's, not the model's: a tag or status states it, or the line says the
   * incident began with the change it tells. Its place in the story does not change it.
   */
  stated?: true;
}

/** What a kind says by itself, whatever else the line carries (SPEC §3 kinds, the label guide). */
const IMPLIED: Partial<Record<EventKind, Signal[]>> = {
  change: ['change'],
  rollback: ['mitigation', 'change'],
  alert: ['symptom', 'detect'],
  alert_resolved: ['recovery'],
  page: ['detect'],
  ack: ['ack'],
  report: ['detect'],
};

/** The incident said to begin with, or be triggered by, what the line tells. */
const BEGAN_WITH =
  /\b(?:incident|issue|outage|problem|disruption|degradation)\s{1,3}(?:(?:was|were)\s{1,3}(?:triggered|caused)\s{1,3}by|(?:began|begins|started|starts)\s{1,3}(?:when|with|after))\b/i;

/** A line opening with the writers doing something: "We checked …", "I open …"; not "We see …", "We have …". */
const WE_ACT =
  /^\W{0,3}(?:I|We)\s{1,3}(?!(?:see|saw|observe|notice|discover|find|found|reali[sz]e|learn|identif|became|become|have|had|are|were|was|am|receive|got|get|know|think|believe|suspect|can|could|do|did|still|also|then|now|'m|'re|'ve)\w{0,4}\b)[a-z]{2,20}\b/;
/** The line's first clause: its first sentence up to a semicolon. */
const firstClause = (text: string) => firstSentence(text).split(';')[0];

/**
 * A command line that changes what runs: a deploy (group 1: `kubectl apply|set|patch|replace|rollout`,
 * `helm upgrade|install`, `terraform apply`, `fly deploy`, `wrangler … deploy`, `gcloud … deploy`)
 * or another act on the system (`kubectl cordon|drain|delete|scale`, `docker … prune|restart|stop`,
 * `systemctl restart`, `fly machine restart`).
 */
const MUTATING_COMMAND =
  /\b(?:(kubectl\s{1,3}(?:apply|set|patch|replace|rollout)|helm\s{1,3}(?:upgrade|install)|terraform\s{1,3}apply|fly(?:ctl)?\s{1,3}deploy|(?:wrangler|gcloud)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}deploy)|kubectl\s{1,3}(?:cordon|drain|delete|scale)|docker\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}(?:prune|restart|stop|rm)|systemctl\s{1,3}(?:restart|stop|start)|fly(?:ctl)?\s{1,3}(?:machines?|apps)\s{1,3}restart)\b/i;

/**
 * A place other than production where a fix is tried first: staging, a review environment, a test
 * cluster; not where something is taken from ("restored from a staging snapshot").
 */
const REHEARSAL =
  /(?<!\bfrom\s{1,3}(?:the\s{1,3}|an?\s{1,3}|our\s{1,3})?)\b(?:staging|pre-?prod(?:uction)?|review\s{1,3}(?:environment|app)s?|test(?:ing)?\s{1,3}(?:environment|cluster|server|instance)s?)\b/gi;
const PRODUCTION = /\b(?:prod(?:uction)?|live)\b/i;
/** A line about work where users are not: what it tries or finds well there mitigates and restores nothing yet. */
const rehearsalOnly = (text: string) => {
  const rest = text.replace(REHEARSAL, ' ');
  return rest !== text && !PRODUCTION.test(rest);
};

/** A sentence after the first that opens with the work begun: "Checking …", "Tried …", "We …". */
function startsWork(text: string): boolean {
  return sentencesOf(text)
    .slice(1)
    .some(({ text: sentence }) => {
      const opening = toldGroups(sentence.trim().split(/\s+/)[0] ?? '');
      return OPENS_WORK.some((g) => opening.includes(g)) || WE_ACT.test(sentence);
    });
}
const OPENS_WORK = ['response', 'verify', 'attempt'];

/** Kinds a line telling of a report keeps. */
const REPORT_STAYS = new Set<EventKind>(['rollback', 'ack', 'alert', 'alert_resolved', 'page']);

/** A word made a time by its prefix: "post-deployment", "pre-release", "post-upgrade". */
const RELATIVE_TO_CHANGE = /\b(?:post|pre)-[a-z]{2,20}\b/gi;

const ABSENCE = /^\W{0,3}(?:no|nobody|nothing|none|neither)\b/i;
/** The line without its sentences that state an absence ("No alerts. No user reports reached the team."), unless that is all it says. */
function withoutAbsences(text: string): string {
  const kept = sentencesOf(text).filter((s) => !ABSENCE.test(s.text));
  return kept.length ? kept.map((s) => s.text).join(' ') : text;
}

/** Kind and signals of a timeline line: the learned model reads the text, explicit markers decide where present. */
export function readMeaning(line: Line, model: Weights = bundled as Weights): Meaning {
  // What the line says did not happen ("No alerts. No user reports reached the team.") is no event.
  const scores = score(model, features({ ...line, text: withoutAbsences(line.text) }));
  const best = scores.kinds.indexOf(Math.max(...scores.kinds));
  const signals = new Set(model.signals.filter((_, i) => scores.signals[i] >= model.threshold) as Signal[]);
  // A line states the problem or its end, not both: the likelier of the two stands.
  const symptom = model.signals.indexOf('symptom');
  const recovery = model.signals.indexOf('recovery');
  if (signals.has('symptom') && signals.has('recovery'))
    signals.delete(scores.signals[symptom] >= scores.signals[recovery] ? 'recovery' : 'symptom');
  const marked = markers(line);
  for (const s of marked.signals) signals.add(s);
  // A line its writer marks as the end of the problem does not state the problem too.
  if (marked.signals.includes('recovery') && !marked.signals.includes('symptom')) signals.delete('symptom');
  // A line closing the incident on the record ("We declared the incident resolved") is the close; the
  // service coming back is told elsewhere, unless the line's other words say so.
  if (
    marked.signals.includes('close') &&
    !marked.signals.includes('recovery') &&
    !toldGroups(besidesClosing(line.text)).includes('recovery')
  )
    signals.delete('recovery');
  let kind = (marked.kind ?? model.kinds[best]) as EventKind;
  // Undoing comes first in the guide's order: "Rollback to f395ffa6; errors clear; alert
  // auto-resolves" is the rollback, the alert clearing what followed from it; not "Error rate alert
  // clears after the rollback", the alert's own line.
  if (kind === 'alert_resolved') {
    const opening = toldGroups(firstClause(line.text));
    if (opening.includes('undo') && !opening.includes('monitor')) kind = 'rollback';
  }
  // The writers telling what they did ("We audited all uploads", "I open the laptop, hit the
  // dashboard") is their act, not a state; what they saw or learned stays a note.
  if (kind === 'note' && WE_ACT.test(line.text)) kind = 'action';
  // A command that changes the system, named as run ("`kubectl set image` → 04729cef", "docker
  // image prune -af", "kubectl cordon gke-…"), is someone's act: a deploy command a change.
  const command = MUTATING_COMMAND.exec(line.text);
  if (command && !marked.weighed && kind === 'note') kind = command[1] ? 'change' : 'action';
  if (command?.[1]) signals.add('change');
  // What the line's own sentence names: a change made, unless a thing is said to begin failing
  // ("Updates start failing": its name is no change made), or a deploy command.
  const own = firstSentence(afterOpeningBound(line.text) || line.text);
  // "post-deployment workload", "pre-release checks": a change named as a time, not as made.
  const ownGroups = toldGroups(own.replace(RELATIVE_TO_CHANGE, ' '));
  const namesChange =
    (!marked.failing && (ownGroups.includes('change') || ownGroups.includes('undo'))) ||
    Boolean(command?.[1]);
  // A responder saying they acknowledged the problem is the acknowledgement, whatever it names (an
  // alert, a report); only undoing or changing the system, named as such, comes first in the guide's order.
  if (marked.acknowledges && kind !== 'rollback' && (kind !== 'change' || !namesChange)) kind = 'ack';
  // Someone reporting is a report, whatever the report names (a change, a failure), unless the line
  // undoes a change, acknowledges, or is monitoring speaking ("Monitoring reports that … is fine").
  else if (marked.reported && !REPORT_STAYS.has(kind)) kind = 'report';
  // Telling people of a change ("announced rollback of mainnet on discord", "Status page updated")
  // is a responder's act that changes nothing: the change is the message's subject.
  if (marked.posted) {
    signals.delete('symptom');
    signals.delete('detect');
  }
  if (marked.fired && kind === 'alert') signals.delete('change');
  if (marked.communicates) {
    if (kind === 'change' || kind === 'rollback') {
      kind = 'action';
      signals.delete('mitigation');
    }
    signals.delete('change');
  }
  // An alert tag on a line that states recovery is the alert resolving, which detects nothing,
  // unless the line says the monitoring detected the problem first ("Monitoring detected the stall;
  // automation restarted the timelords and this resolved the issue").
  const detectedFirst = marked.signals.includes('detect') || marked.fired;
  if ((kind === 'alert' || kind === 'alert_resolved') && signals.has('recovery') && !detectedFirst) {
    kind = 'alert_resolved';
    signals.delete('symptom');
    signals.delete('detect');
  }
  // A note is a state with nobody acting (the label guide): mitigating is an act. A state that says
  // the service is back, changing nothing, names the fix only as its cause; any other is an act.
  if (kind === 'note' && signals.has('mitigation')) {
    if (signals.has('recovery') && !signals.has('change')) signals.delete('mitigation');
    else kind = 'action';
  }
  // A change the line says the incident began with ("The issue began when a faulty configuration
  // change was rolled out", "The incident was triggered by a change to database permissions") is
  // that change, not a response to it.
  const beganWith = BEGAN_WITH.test(own) && ownGroups.includes('change');
  if (kind !== 'change' && kind !== 'rollback' && beganWith) {
    kind = 'change';
    signals.delete('mitigation');
  }
  // Where the writer marks the outage to start, nothing was yet being mitigated: a release or a
  // hotfix that starts it ("hotfix.6 is released to stable <START OF OUTAGE>") is a change.
  if (marked.bound === 'start' && signals.has('mitigation')) {
    signals.delete('mitigation');
    if (kind === 'action' && signals.has('change')) kind = 'change';
  }
  // A line read as a change that states the problem and names nothing changed in its own sentence
  // ("Writer database begins experiencing connection saturation", "wrong block generated") tells
  // of the problem being seen: a note. A thing said to begin failing ("Updates start failing") is
  // the subject of the failure: its name is no change made.
  if (kind === 'change' && !marked.kind && signals.has('symptom') && !namesChange) {
    kind = 'note';
    signals.delete('change');
  }
  // Declaring the incident ("Incident declared. <link>") is an act of record: read as a change that
  // names nothing changed, it is the responders' act (labelled declarations: 40 of 41 change nothing).
  if (kind === 'change' && !marked.kind && marked.signals.includes('declare') && !namesChange) {
    kind = 'action';
    signals.delete('change');
  }
  // An act only weighed, proposed or planned changed nothing, relieved nothing and restored nothing.
  if (marked.weighed) {
    signals.delete('mitigation');
    signals.delete('change');
    if (!marked.signals.includes('recovery')) signals.delete('recovery');
    if (kind === 'change' || kind === 'rollback') kind = 'action';
  }
  // Another party's own record tells what they saw or said; it is the team's finding at most.
  if (marked.theirs) {
    kind = 'note';
    for (const s of [...signals]) if (s !== 'diagnosis') signals.delete(s);
  }
  // A fix tried where users are not ("testing in staging is ok", "The fix is tested on the staging
  // environment") mitigates nothing and restores nothing yet: production is where that happens.
  if (rehearsalOnly(line.text)) {
    signals.delete('mitigation');
    signals.delete('recovery');
  }
  // Someone learning of the problem who then, in the same entry, starts on it ("@Mr0grog notices
  // an e-mail from Sentry … Checking the AWS RDS console shows …", "… which we notice. Check
  // grafana") both detected and acknowledged it.
  if (signals.has('detect') && kind !== 'change' && kind !== 'rollback' && startsWork(line.text))
    signals.add('ack');
  for (const s of IMPLIED[kind] ?? []) signals.add(s);
  // What changed is named in the line's own sentence, not in the story told after it.
  const unnamed = kind === 'change' && !marked.kind && !namesChange;
  return {
    kind,
    signals: [...signals],
    ...(marked.bound ? { bound: marked.bound } : {}),
    ...(marked.partial && signals.has('recovery') ? { partial: true as const } : {}),
    ...(unnamed ? { unnamedChange: true as const } : {}),
    ...(marked.kind || beganWith || marked.bound === 'start' || (kind === 'ack' && marked.acknowledges)
      ? { stated: true as const }
      : {}),
  };
}
