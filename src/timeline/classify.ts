import type { EventKind, RawEvent, Signal } from '../model/index.js';
import { firstSentence, markers, readMeaning, toldGroups } from './meaning/index.js';
import * as words from './vocabulary.js';

export interface Classified {
  kind: EventKind;
  signals: Signal[];
  /** Where the writer marked the impact to start or end on this line, when they did. */
  bound?: 'start' | 'end';
  /** The service said to be back only in part (`Meaning.partial`). */
  partial?: true;
  /** Read as a change with no word of what changed (`Meaning.unnamedChange`). */
  unnamedChange?: true;
  /** The kind is the writer's (`Meaning.stated`). */
  stated?: true;
}

const affirmed = (text: string) => text.replace(words.NEGATION, ' ');
const has = (re: RegExp, text: string) => re.test(text);

/** Where a line stands among the entries of its timeline, a hint to what it means. */
export interface Placement {
  index: number;
  count: number;
}

/**
 * Kind and signals of a line of a human timeline, read by the learned model beside the line's
 * explicit markers (`[RESOLVED]`, a status column).
 */
export function classifyText(text: string, placement?: Placement, status?: string): Classified {
  return readMeaning({ text, status, position: placement });
}

/** A chat message that reports a problem, acknowledges or acts takes that kind; talk stays chat. */
function chatKind(signals: Signal[]): Classified {
  if (signals.includes('detect')) return { kind: 'report', signals };
  if (signals.includes('ack')) return { kind: 'ack', signals };
  if (signals.includes('mitigation')) return { kind: 'action', signals };
  return { kind: 'chat', signals };
}

const BOT_STATUS = /^\W{0,3}(triggered|acknowledged|resolved)\b/i;
const BOT_STATUS_AFTER = /\b(?:incident|alert)\s{1,3}#?\d{1,10}\s{1,3}(triggered|acknowledged|resolved)\b/i;

/**
 * A bot's message in a channel is a tool's record: an alert posted by Alertmanager or PagerDuty
 * ("[FIRING:1] HighErrorRate …", "Triggered: …", "[RESOLVED] …", "Acknowledged by …") is read as
 * the alert, its resolution or the acknowledgement; a deploy tool announcing a deploy or a
 * rollback is the change or the rollback; anything else is talk, as a person's message is.
 */
function botKind(text: string, placement?: Placement): Classified {
  // A paging tool's app states the incident's status in a word: "Resolved: …", "Incident #1234 triggered".
  const status = (BOT_STATUS.exec(text) ?? BOT_STATUS_AFTER.exec(text))?.[1]?.toLowerCase();
  if (status === 'triggered') return { kind: 'alert', signals: ['symptom', 'detect'] };
  if (status === 'acknowledged') return { kind: 'ack', signals: ['ack'] };
  if (status === 'resolved') return { kind: 'alert_resolved', signals: ['recovery'] };
  const read = classifyText(text, placement);
  if (read.kind === 'alert' || read.kind === 'alert_resolved' || read.kind === 'page' || read.kind === 'ack')
    return { kind: read.kind, signals: read.signals };
  const t = affirmed(text);
  if (has(words.ROLLBACK, t)) return { kind: 'rollback', signals: ['mitigation', 'change'] };
  if (has(words.CHANGE, t)) return { kind: 'change', signals: ['change'] };
  return chatKind(textSignals(text));
}

/** A failing check is a symptom; it detected the incident only if it told someone (an alert, a page). */
function healthSignals(t: string): Signal[] {
  if (has(words.HEALTH_PASS, t) && !has(words.SYMPTOM, t)) return ['recovery'];
  return /\b(detect(s|ed)?|alert(s|ed)?|notif(y|ies|ied)|paged?)\b/i.test(t)
    ? ['symptom', 'detect']
    : ['symptom'];
}

/** Signals that a line of conversation or free text carries besides its kind. */
function textSignals(text: string): Signal[] {
  const t = affirmed(text);
  const out: Signal[] = [];
  if (has(words.CLOSE, t)) out.push('close');
  if (has(words.DECLARE, t)) out.push('declare');
  if (has(words.RECOVERY, t)) out.push('recovery');
  else if (has(words.ACK, t)) out.push('ack');
  if (has(words.MITIGATION, t) && !out.includes('recovery')) out.push('mitigation');
  if (!out.length && (has(words.REPORT, t) || has(words.OBSERVING, t)) && has(words.SYMPTOM, t))
    out.push('symptom', 'detect');
  return out;
}

/**
 * The end of a window a sentence states ("unavailable from 9:16 PM to 11:16 PM", "a period of
 * degraded performance until 18:19 PDT", "full resolution extended until 9:50 PM"): where the
 * sentence tells of the problem (read by the model or named by the problem's words) or of its end,
 * the window's end is the recovery, the writer's own bound of the impact; any other window's end
 * says nothing by itself.
 */
function rangeEnd(text: string, placement?: Placement): Classified {
  return tellsOfTheProblem(text, placement)
    ? { kind: 'note', signals: ['recovery'], bound: 'end' }
    : { kind: 'note', signals: [] };
}

/**
 * Whether a sentence stating a window speaks of the problem or its end (read by the model or named
 * by the problem's words), so that the window is the impact's: "all crate downloads were broken
 * between 12:17 and 12:30", not "we deployed between 12:00 and 13:00".
 */
export function tellsOfTheProblem(text: string, placement?: Placement): boolean {
  const sentence = firstSentence(text);
  const told = classifyText(sentence, placement).signals;
  const groups = toldGroups(sentence);
  return (
    told.includes('symptom') ||
    told.includes('recovery') ||
    groups.includes('symptom') ||
    groups.includes('incident')
  );
}

/** A ticket that is the incident's own record: "INC-42", "Incident: …", "SEV2 …". */
const INCIDENT_RECORD = /\b(INC|INCIDENT)[-_ ]?\d+|\bincident\b|\bsev ?\d\b/i;

const isResolution = (raw: RawEvent) =>
  /(^|[-_])resolved$/i.test(raw.ref ?? '') ||
  String(raw.attrs?.status ?? '').toLowerCase() === 'resolved' ||
  has(words.RESOLVED, affirmed(raw.summary));

/**
 * Kind and signals of an event: what the source stated (its kind, its signals) stands; the text
 * fills in only what the source left out.
 */
export function classify(raw: RawEvent, placement?: Placement): Classified {
  const read = classifyRaw(raw, placement);
  return raw.signals ? { kind: read.kind, signals: [...raw.signals] } : read;
}

function classifyRaw(raw: RawEvent, placement?: Placement): Classified {
  const text = raw.summary;
  const level = String(raw.attrs?.level ?? '');
  switch (raw.kind) {
    case undefined: {
      if (raw.attrs?.rangeEnd) return rangeEnd(text, placement);
      const status = raw.attrs?.status;
      return classifyText(text, placement, typeof status === 'string' ? status : undefined);
    }
    case 'change':
      return has(words.ROLLBACK, text)
        ? { kind: 'rollback', signals: ['mitigation'] }
        : { kind: 'change', signals: [] };
    case 'rollback':
      return { kind: 'rollback', signals: ['mitigation'] };
    case 'alert':
      return isResolution(raw)
        ? { kind: 'alert_resolved', signals: ['recovery'] }
        : { kind: 'alert', signals: ['symptom', 'detect'] };
    case 'alert_resolved':
      return { kind: 'alert_resolved', signals: ['recovery'] };
    case 'page':
      return { kind: 'page', signals: isResolution(raw) ? ['recovery'] : ['symptom', 'detect'] };
    case 'ack':
      return { kind: 'ack', signals: ['ack'] };
    case 'report':
      return { kind: 'report', signals: ['symptom', 'detect'] };
    case 'health':
      return { kind: 'health', signals: healthSignals(affirmed(text)) };
    case 'log': {
      const symptom = words.ERROR_LEVEL.test(level) || (!level && has(words.SYMPTOM, affirmed(text)));
      const recovery = raw.attrs?.phase === 'last-seen' || (!symptom && has(words.RECOVERY, affirmed(text)));
      return { kind: 'log', signals: symptom ? ['symptom'] : recovery ? ['recovery'] : [] };
    }
    case 'metric': {
      const phase = String(raw.attrs?.phase ?? '');
      const signals: Signal[] =
        phase === 'onset' || phase === 'peak' ? ['symptom'] : phase === 'recovered' ? ['recovery'] : [];
      return { kind: 'metric', signals };
    }
    case 'ticket': {
      // A ticket opened to tell of a problem ("Users report API errors"), not the incident's own
      // record, is a report reaching the team.
      const told = textSignals(text);
      if (raw.attrs?.opened === true && told.includes('detect') && !INCIDENT_RECORD.test(text))
        return { kind: 'report', signals: ['symptom', 'detect'] };
      const signals = told.filter((s) => s !== 'symptom' && s !== 'detect');
      const status = String(raw.attrs?.status ?? '').toLowerCase();
      if (/^(closed|done|resolved)$/.test(status)) signals.push('close');
      else if (!signals.length && INCIDENT_RECORD.test(text)) signals.push('declare');
      return { kind: 'ticket', signals };
    }
    case 'chat': {
      if (raw.attrs?.bot === true) return botKind(text, placement);
      // Telling others ("Heads-up: … rolling back. Updates in #incident") mitigates nothing itself.
      const told = textSignals(text);
      return chatKind(markers({ text }).communicates ? told.filter((s) => s !== 'mitigation') : told);
    }
    default:
      return { kind: raw.kind, signals: textSignals(text) };
  }
}
