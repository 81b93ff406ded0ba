import type { Event } from '../model/index.js';

// What a change does when it relieves an incident, by the kind of act rather than by phrase:
// undoing, falling back, taking load away, switching something off, adding capacity, fixing, restarting.
const UNDO =
  /\b(roll(?:ed|ing|s)?[ -]?back|rollback|revert(?:ed|ing|s)?|undo(?:ne|ing)?|downgrad(?:e|ed|es|ing)|restor(?:e|ed|es|ing)|reinstat(?:e|ed|es|ing)|backed out)\b/i;
const FALLBACK =
  /\b(fail(?:ed|ing|s)?[ -]?over|fallback|fall(?:ing|s)? back)\b|\b(?:to|onto|over to|towards?)\s(?:the\s|a\s|an\s|our\s|its\s)?(?:backup|secondary|standby|fallback|replica|spare|dr|other|another|healthy|second|alternate|alternative)\b/i;
const AWAY =
  /\b(traffic|load|requests|users|queries)\b[^.]{0,40}\b(shift|mov|divert|rerout|re-rout|redirect|drain|steer|balanc|rout)|\b(shift|mov|divert|rerout|re-rout|redirect|drain|load[- ]balanc|steer)\w{0,12}\b[^.]{0,40}\b(traffic|load|requests|away)\b|\bdrain(?:ed|ing|s)?\b/i;
const OFF =
  /\b(disabl(?:e|ed|es|ing)|turn(?:ed|ing|s)? off|switch(?:ed|es|ing)? off|shut(?:ting)? (?:off|down)|kill[- ]?switch|paus(?:e|ed|es|ing)|suspend(?:ed|ing|s)?|throttl(?:e|ed|es|ing)|rate[- ]?limit(?:ed|ing)|isolat(?:e|ed|es|ing)|cordon(?:ed|ing|s)?)\b/i;
const CAPACITY =
  /\b(scal(?:e|ed|es|ing) (?:up|out)|upscal\w*|add(?:ed|ing|s)? (?:more |extra |additional )?(?:capacity|nodes?|replicas?|instances?|workers?|servers?|brokers?|shards?|pods?)|increas(?:e|ed|es|ing) (?:the )?(?:\w+ )?(?:limits?|capacity|memory|cpu|timeouts?|pool|size|quotas?|replicas)|resiz(?:e|ed|ing)|free(?:d|ing|s)? up)\b/i;
/** Blocking as an act on something ("blocked the attacker's IPs"), not a block of a chain, a blocking change or being blocked by one. */
const BLOCK =
  /\bblock(?:ed|ing|s)?\s(?:the|all|any|every|their|its|our|this|that|those|these|an?|incoming|outgoing|inbound|outbound|further|new|traffic|access|requests?|ips?|connections?)\b/i;
const SICK_PART =
  /\b(?:terminat|delet|remov|replac|kill|evict|recreat|rotat|rolled over|roll over|restart|cordon|isolat)\w{0,4}\b[^.]{0,30}\b(?:unhealthy|sick|faulty|bad|broken|stuck|failing|failed|crashing|corrupt\w{0,4}|compromised|affected|impacted|rogue)\b/i;
const SECURE =
  /\b(revok(?:e|ed|es|ing)|rotat(?:e|ed|es|ing) (?:the |all )?(?:\w+ )?(?:keys?|credentials?|secrets?|tokens?|passwords?|certificates?)|reset (?:the |all )?(?:\w+ )?passwords?|lock(?:ed|ing)? (?:the |out )?(?:\w+ )?accounts?|cancell?(?:ed|ing)?)\b/i;
/** Said to be done for relief: "to free up IP addresses", "to avoid the expiry policy". */
const PURPOSE =
  /\b(?:to|in order to) (?:avoid|prevent|stop|mitigate|resolve|fix|work around|unblock|free up|restore|recover|reduce|relieve)\b/i;
const FIX = /\b(hot ?fix\w*|fix(?:ed|es|ing)?|patch(?:ed|es|ing)?|workaround|remediat\w*)\b/i;
const RESTART =
  /\b(restart\w*|reboot\w*|bounc(?:e|ed|ing)|recycl\w*|re-?deploy\w*|re-?run|re-?trigger\w*|re-?applied|re-?attach\w*)\b/i;

const RELIEF = [UNDO, FALLBACK, AWAY, OFF, BLOCK, CAPACITY, SICK_PART, SECURE, PURPOSE, FIX, RESTART];

/** "not", "no", "without", "didn't" just before a word: the act was not done. */
const NEGATED = /(?:\b(?:not|no|never|without|cannot)|n't)\s(?:[a-z]{1,20}\s)?$/i;

const PLANNED =
  /\b(?:plan(?:s|ned|ning)?|will|would|should|could|might|propos\w{0,5})\s(?:[a-z]{1,20}\s)?(?:to\s)?(?:[a-z]{1,20}\s)?$/i;

/** True when the text says a change relieves an incident: it undoes, falls back, sheds load, switches off, scales or fixes. */
export function relieves(text: string): boolean {
  return RELIEF.some((re) => {
    const hit = re.exec(text);
    if (!hit) return false;
    // "Decided not to patch, to avoid breaking …": a purpose clause is negated by anything before it.
    const before =
      re === PURPOSE ? text.slice(0, hit.index) : text.slice(Math.max(0, hit.index - 30), hit.index);
    const after = text.slice(hit.index + hit[0].length, hit.index + hit[0].length + 12);
    // A plan is not yet an act: "will roll back", "the patching plan".
    if (PLANNED.test(before) || /^\s(?:plans?|strateg\w{1,3}|proposals?)\b/i.test(after)) return false;
    return !(re === PURPOSE ? /(?:\b(?:not|no|never|without|cannot)|n't)\b/i : NEGATED).test(before);
  });
}

/**
 * A change made after impact began (or, with no symptom recorded, after detection) that relieves
 * it is a response to the incident, whatever words the classifier found: it gets the mitigation
 * signal, so it is never a suspect and can start mitigation.
 */
export function markResponses(events: Event[], since: Event | null): Event[] {
  if (!since) return events;
  return events.map((e) =>
    (e.kind === 'change' || e.kind === 'rollback' || e.kind === 'action') &&
    e.ts > since.ts &&
    !e.signals.includes('mitigation') &&
    !e.signals.includes('symptom') &&
    relieves(e.summary)
      ? { ...e, signals: [...e.signals, 'mitigation' as const] }
      : e,
  );
}
