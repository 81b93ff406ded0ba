// Explicit markers a writer puts on a line: a status column, a leading tag (`[RESOLVED]`,
// `🔴 DETECTED`, `RESOLVED:`), a trailing `(resolved)` or `(outage ends)`. Where present they decide over the model.
import { type EventKind, type Signal, STATUSPAGE_STATUS } from '../../model/index.js';
import type { Line } from './features.js';

export interface Marked {
  /** The kind a leading tag states (`[ALERT]`, `[RESOLVED]`), if any. */
  kind?: EventKind;
  signals: Signal[];
  /** The line tells of someone reporting ("danrubel reports that …", "The outage is reported on Slack by …"). */
  reported?: boolean;
  /** The writer's own mark of where the impact starts or ends (`(outage starts)`, `<END OF OUTAGE>`). */
  bound?: 'start' | 'end';
  /** The line says the service came back only in part ("largely restored", "began to recover"). */
  partial?: boolean;
  /** A responder acknowledges or convenes ("acknowledges the alert", "joins the bridge"): what the line is about. */
  acknowledges?: boolean;
  /**
   * The line tells of telling people ("announced rollback of mainnet on discord", "Status page
   * updated with incident details"): what it names as done is the message's subject, not a change.
   */
  communicates?: boolean;
  /** The incident put on the status page: the team declaring it, which states no symptom itself. */
  posted?: boolean;
  /** Monitoring raised its alert ("`HighErrorRate` starts firing"): the alert, which changes nothing. */
  fired?: boolean;
  /** An act only weighed or decided against ("evaluated removing the proxy", "decided against changes"): not done. */
  weighed?: boolean;
  /**
   * Another party's own record ("Cloudflare acknowledged the incident on their status page"): what
   * it says they did or saw is not the team acknowledging, declaring, detecting or fixing.
   */
  theirs?: boolean;
  /**
   * Something said to begin failing ("Updates start failing", "crate builds started failing"): what
   * fails is the subject, so a change word among its words ("updates", "builds") names no change made.
   */
  failing?: boolean;
}

/** Status words and what they state; statuses are one or two words, so the whole value is looked up. */
const STATUS: Record<string, Signal[]> = {
  resolved: ['recovery'],
  recovered: ['recovery'],
  restored: ['recovery'],
  fixed: ['recovery'],
  operational: ['recovery'],
  healthy: ['recovery'],
  ok: ['recovery'],
  'all clear': ['recovery'],
  detected: ['symptom', 'detect'],
  firing: ['symptom', 'detect'],
  alerting: ['symptom', 'detect'],
  alert: ['symptom', 'detect'],
  triggered: ['symptom', 'detect'],
  investigating: ['ack'],
  acknowledged: ['ack'],
  identified: ['diagnosis'],
  'root cause': ['diagnosis'],
  mitigating: ['mitigation'],
  mitigated: ['mitigation'],
  mitigation: ['mitigation'],
  declared: ['declare'],
  closed: ['close'],
  degraded: ['symptom'],
  outage: ['symptom'],
  down: ['symptom'],
  impact: ['symptom'],
};

/** Kinds that a leading tag names outright. */
const TAG_KIND: Record<string, EventKind> = {
  resolved: 'alert_resolved',
  ok: 'alert_resolved',
  firing: 'alert',
  alert: 'alert',
  alerting: 'alert',
  change: 'change',
  deploy: 'change',
  rollback: 'rollback',
};

const statusKey = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The response formally convened as an incident: an incident call, bridge, room or channel started
 * ("An incident call was started", "opened a war room"), an incident commander appointed ("Appoints
 * @q as incident commander"). How a team declares an incident (the guide's `declare`) without
 * naming a declaration; a huddle or a call about the problem is responders coming together only.
 */
const CONVENED_AS_INCIDENT =
  /\b(?:incident|emergency|war)[\s-]{1,3}(?:call|bridge|room|channel)\s{1,3}(?:(?:was|is|has\s{1,3}been)\s{1,3})?(?:started|opened|created|set\s{1,3}up|spun\s{1,3}up|convened)\b|\b(?:start(?:s|ed)?|open(?:s|ed)?|creat(?:es|ed)?|spins?\s{1,3}up|spun\s{1,3}up|initiat(?:es|ed)|convene[sd]?|set\s{1,3}up)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:incident|emergency|war)[\s-]{1,3}(?:call|bridge|room|channel)\b|\b(?:appoint|assign|name)(?:s|ed|d)?\b[^.;]{0,40}?\bas\s{1,3}(?:the\s{1,3})?incident\s{1,3}(?:commander|lead|manager)\b|\bincident\s{1,3}(?:commander|lead|manager)\s{1,3}(?:(?:is|was|has\s{1,3}been)\s{1,3})?(?:appointed|assigned|named)\b/i;
/**
 * `[RESOLVED] …`, `(FIRING) …`, `✓ RECOVERED …`, `🔴 DETECTED: …`, `RESOLVED: …` at the start of a
 * line; Alertmanager's titles count the alerts (`[FIRING:2] HighErrorRate …`).
 */
const LEADING_TAG =
  /^\s{0,4}(?:\[([a-z ]{2,20})(?::\d{1,4})?\]|\(([a-z ]{2,20})\)|[^\p{L}\p{N}\s[(]{1,4}\s{0,2}([A-Z]{2,14}(?: [A-Z]{2,8})?)\b|([A-Z]{2,14}(?: [A-Z]{2,8})?):)/iu;
const TRAILING_TAG = /[[(](resolved|recovered|fixed)[\])]\W{0,3}$/i;
/**
 * An update copied from a status page's history, its status word first and a dash after it
 * ("**Investigating** - We are currently investigating …", "Monitoring - A fix has been
 * implemented …"): the status means what Statuspage defines it to. In capitals or with a capital.
 */
const STATUS_PAGE_LEAD =
  /^\W{0,4}(Investigating|Identified|Monitoring|Resolved|Postmortem|INVESTIGATING|IDENTIFIED|MONITORING|RESOLVED|POSTMORTEM)\W{0,4}\s{1,3}[-–—]\s{1,3}\S/;
/**
 * "Incident declared", "an incident was opened", "Dana declares SEV-2", "SEV1 declared": the
 * incident formally opened (the guide's `declare`), a severity declared being the incident's.
 */
const DECLARED =
  /(?<!\b(?:no|not|never|nobody)\s{1,3}(?:an?\s{1,3})?)\b(?:declar(?:es|ed|e|ing)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:sev(?:erity)?[\s-]?\d|major\s{1,3}incident)\b|(?:sev(?:erity)?[\s-]?\d)\s{1,3}(?:incident\s{1,3})?(?:(?:is|was|has\s{1,3}been)\s{1,3})?declared\b)|(?<!\b(?:no|not|never)\s{1,3}(?:an?\s{1,3})?)\bincident\s{1,3}(?:(?:was|is|has\s{1,3}been)\s{1,3})?(?:formally\s{1,3})?(?:declared|opened|created|raised)\b(?!\s{1,3}(?:as\s{1,3})?(?:resolved|mitigated|closed|over))|\b(?:declared?|opened?|raised?)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:formal\s{1,3})?incident\b(?!\s{1,3}(?:as\s{1,3})?(?:resolved|mitigated|closed|over))/i;
/**
 * "Incident closed", "the incident was officially resolved", "We declared the incident resolved": the
 * incident formally closed (the guide's `close`), an act of record rather than the service coming back.
 */
const CLOSED =
  /(?<!\b(?:no|not|never)\s{1,3})\bincident\s{1,3}(?:(?:was|is|has\s{1,3}been)\s{1,3})?(?:closed\b|(?:officially|formally)\s{1,3}(?:resolved|closed|ended)\b)|\bdeclared?\s{1,3}(?:the\s{1,3})?incident\s{1,3}(?:as\s{1,3})?(?:resolved|closed|over)\b/i;
/**
 * "Engineers acknowledge the alert", "PyPI Security acknowledges receipt", "page acked": a responder
 * acknowledging the problem (the guide's `ack`); not when negated ("nobody acknowledged the page").
 */
const ACKNOWLEDGED =
  /(?<!\b(?:no|not|never|nobody|without|before)\s{1,3}(?:(?:one|yet|being|been|was|were|is)\s{1,3})?)\b(?:acknowledg(?:e[sd]?|ing)|ack(?:'d|ed))\b/i;
/**
 * Responders coming together on the problem: "Huddle begins in #security", "an incident call was
 * started", "War room opened", "an e-mail thread was opened", "joins the operations channel"; not
 * an API call or a thread pool.
 */
const CONVENED =
  /\b(?:huddle|(?:incident|conference|video|zoom|team|emergency)\s{1,3}call|bridge|war[- ]room|meeting|(?:e-?mail|slack|discussion|incident)\s{1,3}thread)\b[^.;]{0,40}?\b(?:begins?|began|start(?:s|ed)?|open(?:s|ed)?|(?:is|was)\s{1,3}(?:created|opened|started))\b|\b(?:huddled|convene[sd]?)\b|\bjoin(?:s|ed)?\s{1,3}(?:into\s{1,3}|in\s{1,3})?(?:the\s{1,3}|an?\s{1,3})?(?:[\w#@-]{1,30}\s{1,3}){0,2}(?:channel|call|bridge|war[- ]room|huddle|meeting|incident)\b/i;

/**
 * Someone confirming the problem, which they are then looking at: "@ThisIsMissEm confirmed outage via
 * grafana", "Corruption confirmed by one of the maintainers", "Chia confirmed the bugcrowd issue",
 * "Confirms media is broken"; not its end confirmed ("confirmed issue resolved"), nor a problem still
 * there after a fix ("Confirmed problem is still visible").
 */
const CONFIRMED_PROBLEM =
  /\bconfirm(?:s|ed)?\s{1,3}(?:that\s{1,3})?(?:the\s{1,3}|an?\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,4}?(?:(?:outage|issue|problem|incident|corruption|breakage|bug)\b(?!\s{1,3}(?:is\s{1,3}|was\s{1,3}|has\s{1,3}been\s{1,3}|to\s{1,3}be\s{1,3})?(?:still|resolved|fixed|gone|over|solved)\b)|(?:is|are|was|were)\s{1,3}(?:broken|down|failing)\b)|\b(?:outage|issue|problem|corruption|breakage|bug)\s{1,3}(?:(?:is|was|has\s{1,3}been)\s{1,3})?confirmed\b(?!\s{1,3}(?:to\s{1,3}be\s{1,3})?(?:resolved|fixed|gone|over|solved)\b)/i;
/**
 * Work on the problem said to begin: "Investigation begins: …", "Root cause investigation started",
 * "investigation launched",
 * "the team begins investigating", "started looking into it", "@BenTheElder begins looking,
 * identifies …", "Analysis began", "an escalation starts"; the guide's `ack`. Not "starts looking healthy".
 */
const INVESTIGATION_BEGAN =
  /\b(?:investigation|troubleshooting|triage|debugging|escalation|analysis)\s{1,3}(?:(?:into|of)\s{1,3}(?:the\s{1,3})?[\w-]{1,30}\s{1,3})?(?:begins?|began|start(?:s|ed)?|commence[sd]?|launched|initiated|kicked\s{1,3}off|(?:is|was)\s{1,3}(?:started|opened|underway|launched|initiated|kicked\s{1,3}off))\b|\b(?:begins?|began|start(?:s|ed)?|commence[sd]?)\s{1,3}(?:to\s{1,3})?(?:investigat\w{0,6}|troubleshoot\w{0,3}|look(?:ing)?(?:\s{1,3}(?:into|at|for)\b|(?=\s{0,2}(?:[,.;:]|$)))|debugg?\w{0,3})/i;
/**
 * Someone reproducing the problem: "Chris can reproduce the problem", "we were able to reproduce
 * it"; work on it, the guide's `ack`. Not asked for ("steps to reproduce") nor failed ("could not").
 */
const REPRODUCES =
  /(?<!(?:\b(?:not|never|cannot)|n't)\s{1,3})\b(?:can|could|was\s{1,3}able\s{1,3}to|were\s{1,3}able\s{1,3}to|managed\s{1,3}to)\s{1,3}reproduce\s{1,3}(?:the|this|that|it)\b/i;
/**
 * The same, opening the line: what the line is about, whatever the rest of it names; a responder
 * named first who begins the work ("@BenTheElder begins looking, …") opens it too.
 */
const OPENS_WITH_INVESTIGATION =
  /^\W{0,3}(?:[\w-]{1,20}\s{1,3})?(?:investigation|troubleshooting|triage|debugging)\s{1,3}(?:begins?|began|start(?:s|ed)?|commence[sd]?)\b|^\W{0,3}(?:[@\w-]{1,30}\s{1,3}){1,3}(?:begins?|began|start(?:s|ed)?)\s{1,3}(?:investigat\w{0,6}|troubleshoot\w{0,3}|debugg?\w{0,3}|looking(?:\s{1,3}(?:into|at)\b|(?=\s{0,2}[,.;:])))/i;

/**
 * Telling people, as the line's own act: announcing, communicating, posting or sending a notice,
 * updating a status page, e-mailing a list; the words before it name no other act.
 */
const COMMUNICATES =
  /\b(?:announc(?:e|es|ed|ing)|communicat(?:e|es|ed|ing)|(?:post(?:s|ed)?|sen[dt]s?|publish(?:es|ed)?)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:notice|message|update|announcement|summary|statement)|status\s{1,3}page\s{1,3}(?:is\s{1,3}|was\s{1,3})?(?:updated|set)|updat(?:e|es|ed|ing)\s{1,3}(?:the\s{1,3}|their\s{1,3}|our\s{1,3})?status\s{1,3}page|updat(?:e|es|ed|ing)\s{1,3}(?:the\s{1,3}|their\s{1,3}|our\s{1,3})?(?:[\w-]{1,30}\s{1,3}){0,2}(?:community|channel|users|customers|stakeholders|team|everyone|thread)\s{1,3}(?:of|on|about|with)\b|e-?mailed|shared\s{1,3}with|heads[\s-]?up|notif(?:y|ies|ied|ying)\s{1,3}(?:the\s{1,3}|our\s{1,3})?(?:stakeholders?|customers?|users|leadership|management|support))\b/i;
/** Words of an act on the system, before a message would be its subject. */
const ACT_BEFORE =
  /\b(?:deploy\w{0,4}|roll\w{0,4}\s{1,3}back|revert\w{0,3}|restart\w{0,3}|merg\w{1,3}|upgrad\w{1,3}|migrat\w{1,4}|chang\w{1,3}|appl(?:y|ied|ies))\b/i;

/**
 * The incident put on a status page: "Incidents reported on status.jenkins.io", "Degraded
 * performance declared on status page", "The incident is announced on status.crates.io",
 * "status.example.com is reporting the incident", "We posted an incident to our status page",
 * "announced incident occurrence on discord", "Status page is updated to down": the incident declared
 * (the guide's `declare`).
 */
const ON_STATUS_PAGE =
  /\b(?:incidents?|outages?|degrad\w{0,10}(?:\s{1,3}(?:performance|service))?|disruptions?)\s{1,3}(?:(?:is|was|were|are|has\s{1,3}been)\s{1,3})?(?:declared|announced|reported|posted|opened|published)\s{1,3}(?:on|to|via|through)\s{1,3}(?:the\s{1,3}|our\s{1,3})?(?:status(?:\.[\w-]{1,30}){1,3}|status\s{0,1}page|statuspage(?:\.io)?)\b|\bstatus(?:\.[\w-]{1,30}){1,3}\s{1,3}(?:is\s{1,3})?(?:reporting|reports|reported|shows|showing)\s{1,3}the\s{1,3}(?:incident|outage)\b|\b(?:post(?:s|ed)?|publish(?:es|ed)?|announc(?:es|ed))\s{1,3}(?:an?\s{1,3}|the\s{1,3}|our\s{1,3})?\[?(?:incident|outage)\b(?:\]\([^)\s]{1,200}\))?[^.;]{0,60}?\s(?:on|to|via)\s|\bstatus\s{0,1}page\s{1,3}(?:is|was|has\s{1,3}been)\s{1,3}(?:updated|set|changed|switched)\s{1,3}to\s{1,3}(?!(?:resolved|operational|up|green|normal|ok|monitoring|all)\b)\w|\bstatus(?:\s{0,1}page|(?:\.[\w-]{1,30}){1,3})\b[^.;]{0,80}?\b(?:updated|posted|published)\s{1,3}(?:acknowledging|to\s{1,3}acknowledge|reporting|to\s{1,3}report)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:[\w-]{1,20}\s{1,3})?(?:outage|incident|issue|problem|disruption|degradation)\b/i;
/**
 * An act weighed, not done: "evaluated removing Cloudflare proxying", "discuss maximizing memory
 * limits", "considered failing over", "Suggests moving queues to CDN nodes", "Create final plan for
 * fixing the database", "Decided against configuration changes", "decided not to patch".
 */
const WEIGHED =
  /\b(?:evaluat|consider|discuss|debat|explor|suggest|propos|recommend)(?:e|es|ed|s|ing)?\s{1,3}(?:whether\b|[a-z]{2,20}ing\b)|\bdecid(?:e|es|ed)\s{1,3}(?:against|not\s{1,3}to)\b|\bplan\s{1,3}(?:for|to)\s{1,3}[a-z]{2,20}ing\b/i;
/** A status page the line says is someone else's: "updates their status page", "on their [status page](…)". */
const THEIR_PAGE = /\btheir\s{1,3}(?:own\s{1,3})?\[?status\s{0,1}page/i;
/**
 * The end of what monitoring kept raising, told as a noun: "end of the pager duty errors", "end of
 * the alerts"; a page or alert among its words makes it the alert resolving.
 */
const END_OF_ERRORS =
  /\bend\s{1,3}of\s{1,3}(?:the\s{1,3})?((?:[\w-]{1,20}\s{1,3}){0,3})(errors?|alerts?|alarms?|pages?|failures?)\b/i;
/** The team receiving a report: "we received two support requests from a user", "got a complaint". */
const REPORT_RECEIVED =
  /\b(?:receiv(?:e|es|ed|ing)|got)\s{1,3}(?:(?:an?|the|two|three|several|multiple|many|more|first|\d{1,3})\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,2}?(?:support\s{1,3}(?:requests?|tickets?|cases?)|reports?|complaints?|tickets?)\b/i;

/**
 * Something put out of service on purpose: told in the passive ("all self-hosted runners were
 * stopped", "Builder was shutdown", "the site was taken offline") or as a bare command opening the
 * line ("stop sequencer and RPC nodes"); not a part that stops working by itself ("Indexer stops
 * responding to requests").
 */
const STOPPED =
  /\b(?:is|are|was|were|been|being)\s{1,3}(?:[a-z]{1,12}ly\s{1,3})?(?:stopped|shut\s{0,1}down|shut\s{1,3}off|halted|taken\s{1,3}(?:down|offline))\b|^\W{0,3}(?:stop|shut\s{0,1}down|halt|take\s{1,3}down)\s{1,3}(?!\w{1,20}ing\b)(?:the\s{1,3}|all\s{1,3})?[\w-]{1,30}/i;

/**
 * Monitoring saying the problem is over, its alert the subject: "Alerts cleared for cart-service",
 * "CloudWatch alarm returned to OK", "the page auto-resolved", "Error rate alert clears", "alert
 * auto-resolves",
 * "monitors went green"; not a status page set to resolved, a person resolving an alert (the verb
 * first), nor what is awaited ("wait for the alert to clear") or negated ("the alarm never cleared").
 */
const ALERT_ENDED =
  /(?<!status\s{1,3})\b(?:alerts?|alarms?|monitors?|pages?)\b(?:(?!\b(?:not|never|n't|to)\b)[^.;]){0,40}?\b(?:(?:auto-?)?resolve[sd]|clear(?:s|ed)|stop(?:s|ped)?\s{1,3}firing|return(?:s|ed)\s{1,3}to\s{1,3}(?:ok|normal|green)|recover(?:s|ed)|went\s{1,3}green)\b/i;

/** An alert's verbs of going off: "starts firing", "trips", "went off". */
const FIRES = String.raw`(?:(?:starts?|started|begins?|began)\s{1,3})?(?:fires|fired|firing|trips|tripped|triggers|triggered|goes\s{1,3}off|went\s{1,3}off|(?:posts|posted|sends|sent)\s{1,3}(?:to|in|into|an?)\b)`;
/**
 * Monitoring raising its alert, the alert or the alerting tool the subject: "the disk alarm went off",
 * "Alert triggered on Slack", "a PagerDuty alert is triggered", "PagerDuty fires", "`HighErrorRate`
 * warning starts firing in Alertmanager";
 * not a timer or job that fires ("restic-backup.timer fires"), nor a change that triggered alerts,
 * nor negated ("the alert never fired").
 */
const ALERT_FIRED = new RegExp(
  String.raw`\b(?:alerts?|alarms?|warnings?|pages?|monitors?|pagerduty|opsgenie|alertmanager|datadog|grafana|cloudwatch)\s{1,3}(?:(?:is|was|were|are|has\s{1,3}been|got)\s{1,3})?${FIRES}`,
  'i',
);
/**
 * The same, the alert named by its rule: "`LoogiAvailabilityHighBurnFast` (fast-burn, 14.4×) trips",
 * "KubePodCrashLooping fires": a name of three or more capitalised words run together, as alerting
 * rules are named.
 */
const NAMED_ALERT_FIRED = new RegExp(
  String.raw`\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*){2,}\`?(?:\s{1,3}\([^()]{0,40}\))?\s{1,3}${FIRES}`,
);

/**
 * Someone finding the problem: "Miquel discovered the outage while testing", "Support engineer
 * notices two similar customer reports", "spotted a spike in errors"; the problem named as what was
 * found, not a cause ("discovered that the pods were OOM killed") nor a finding negated.
 */
const NOTICED =
  /(?<!\b(?:not|never|n't|nobody|no\s{1,3}one)\s{1,3})\b(?:notic(?:es|ed)|discover(?:s|ed)|spott?(?:s|ed))\s{1,3}(?:(?:the|an?|some|multiple|several|many|two|three|more)\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,2}?(?:outage|issues?|problems?|incident|errors?|failures?|breakage|downtime|spike|degradation|reports?)\b/i;

/**
 * Something said to be detected, by a tool or a person: "GitHub detected PAT in commit and revoked
 * it", "Detected during log review", "detected that the agents were not being allocated"; not
 * negated ("no loss of service has been detected").
 */
const DETECTED = /\bdetect(?:s|ed)\b/i;
/**
 * Someone noticing, whatever they noticed: "Notice that the deployment failed", "degradation of
 * service is noticed", "At about 07:45 UTC we noticed these rogue processes". Where it is the first
 * sign, it is when the team learned of the problem (SPEC: the first human report); later ones are
 * findings, which the moments never take for detection. Not when nobody noticed.
 */
const NOTICED_AT_ALL =
  /(?<!\b(?:not|never|n't|nobody|no\s{1,3}one)\s{1,3})(?:\bnotic(?:e|es|ed)\s{1,3}that\b|\b(?:is|was|were|are|been|gets?|got)\s{1,3}(?:first\s{1,3})?(?:noticed|spotted)\b|\b(?:we|I|team|someone|engineers?)\s{1,3}(?:first\s{1,3})?(?:notic(?:e|ed)|spott?(?:ed)?)\b)/i;
/**
 * The responders told of the problem: "DevOps team is alerted that PostgreSQL has saturated …",
 * "Infrastructure staff is notified in slack", "We've been notified that some metrics …", "engineers
 * were alerted to the application being unavailable"; not others told of it ("Community is informed
 * about the changes", "the mailing list is notified of the outage").
 */
const TEAM_NOTIFIED =
  /\b(?:team|staff|engineers?|we|we've|on-?call|sres?|admins?|devops|maintainers?|responders?)\b(?:\s{1,3}\([^()]{1,30}\))?\s{1,3}(?:(?:is|are|was|were|have\s{1,3}been|has\s{1,3}been|been|gets?|got)\s{1,3})(?:(?:immediately|first|quickly|automatically)\s{1,3})?(?:notified|alerted|paged)\b/i;
/**
 * Someone on call receiving a page or an alert: "docbrown receives pager storm", "SME paged", "on-call
 * got paged", "received the first alert from Grafana", "Alice gets a PagerDuty page"; not when it did
 * not come ("never received a page"), nor a page of a site ("receives page views"). Group 1 or 2 is a
 * page word: the line is the page, unless it also tells of the alert that paged.
 */
const PAGE_RECEIVED =
  /(?<!(?:\b(?:no|not|never|nobody|no\s{1,3}one)|n't)\s{1,3}(?:[\w-]{1,20}\s{1,3})?)\b(?:(?:receiv(?:es|ed|e|ing)|gets?|got|getting)\s{1,3}(?:(?:a|an|the|first|several|many|multiple|two|three|more)\s{1,3}){0,2}(?:[\w-]{1,20}\s{1,3}){0,2}?(?:(pages?|pager(?:\s{1,3}(?:storm|alerts?|notifications?))?)(?!\s{1,3}views?)|alerts?|alarms?)|(paged))\b/i;
const ALERT_WORD = /\b(?:alert(?:s|ed)?|alarms?)\b/i;
/**
 * Traffic steered by the responders: "load balances all traffic to USA-2 cluster", "shifted 10% of
 * traffic away from us-east-1", "traffic was failed over to the standby", "drained traffic from the
 * pool"; moving users off the failing part is mitigating (not "traffic increases", a symptom).
 */
const TRAFFIC_STEERED =
  /\b(?:load[\s-]?balanc(?:es|ed|ing|e)|re-?balanc(?:es|ed|ing|e)|balanc(?:es|ed|ing)|shift(?:s|ed|ing)?|mov(?:es|ed|ing|e)|redirect(?:s|ed|ing)?|re-?rout(?:es|ed|ing|e)|divert(?:s|ed|ing)?|steer(?:s|ed|ing)?|drain(?:s|ed|ing)?|fail(?:s|ed|ing)?\s{1,3}over|direct(?:s|ed|ing)?)\s{1,3}(?:(?:all|the|some|most|more|remaining|user|users'|production|prod|\d{1,3}\s?%\s{1,3}of)\s{1,3}){0,3}(?:[\w-]{1,20}\s{1,3})?traffic\b|\btraffic\s{1,3}(?:is|was|were|has\s{1,3}been|gets?|got)\s{1,3}(?:shifted|moved|redirected|re-?routed|diverted|drained|balanced|load[\s-]?balanced|failed\s{1,3}over|directed)\b|\b\d{1,3}\s?%\s{1,3}of\s{1,3}traffic\s{1,3}(?:(?:is|was)\s{1,3})?(?:shifted|moved|redirected|re-?routed|balanced|load[\s-]?balanced)\b/i;
/**
 * The problem itself said to be found, the clause ending there: "Problem is identified", "The issue
 * was discovered by Chia."; not what it is found to be ("The issue is identified as …"), where it was
 * found ("An issue is found on GitHub re: …"), nor none found ("no major issues were identified").
 */
const PROBLEM_FOUND =
  /(?<!\b(?:no|not|never|any)\s{1,3}(?:(?:major|other|further|new)\s{1,3})?)\b(?:problem|issue|outage|incident|bug)s?\s{1,3}(?:(?:is|was|were|are|has\s{1,3}been|have\s{1,3}been)\s{1,3})?(?:first\s{1,3})?(?:identified|discovered|found|noticed|spotted)(?=\s{0,3}(?:$|[.,;!]|by\b|and\b))/i;
const NEGATED_BEFORE = /\b(?:no|not|never|nothing|nobody|n't|without)\b[^.;]{0,60}$/i;

/**
 * Someone reporting: a one-word subject (a name, a handle, a role; not "we", the team) that reports
 * or flags something ("ianh reports that Travis is upset", "@justindm234 reported the breaking
 * change as an issue"), a passive ("The outage is reported on Slack by @liggitt") or a line opening
 * with "Report of".
 */
const REPORTED =
  /^\W{0,3}(?!(?:we|i)\s)@?[\w.-]{1,40}\s{1,3}(?:reports?|reported|flag(?:s|ged))\b|^.{0,60}\b(?:is|was|are|were)\s{1,3}(?:first\s{1,3})?reported\b|^\W{0,3}reports?\s{1,3}of\b/i;
/**
 * The service said to be back: "Service was largely restored by 11:30", "has been resolved",
 * "performance returned to normal", "the incident concluded at 21:20", "bringing the outage to an
 * end", "which ended the outage", "This resolved the outage"; not when negated, nor a thing described by what was done to it
 * before ("the block that had been manually restored on 2026-05-16 was once again erased"), nor a
 * version or a backup put back ("restored from backup", "restored to v2.0.9").
 */
const RECOVERY_STATED =
  /(?<!(?:\b(?:not|never)|n't)\s{1,3}(?:yet\s{1,3}|been\s{1,3}|fully\s{1,3})?)(?<!\b(?:that|which)\s{1,3})\b(?:(?:is|was|were|are|has\s{1,3}been|have\s{1,3}been|had\s{1,3}been)\s{1,3}(?:[a-z]{1,12}ly\s{1,3})?(?:restored|recovered|resolved)\b(?!\s{1,3}(?:from|to\s{1,3}(?:v?\d|version|the\s{1,3}(?:previous|last|old))))|(?:returned|returns|came\s{1,3}back|is\s{1,3}back|was\s{1,3}back)\s{1,3}to\s{1,3}normal\b|(?:incident|outage|disruption|downtime)\s{1,3}(?:[a-z]{1,12}\s{1,3})?(?:concluded|ended)\b|(?:incident|outage|disruption|downtime|impact)\s{1,3}to\s{1,3}an?\s{1,3}(?:end|close)\b|\b(?:end(?:s|ed|ing)?|put(?:s|ting)?\s{1,3}an\s{1,3}end\s{1,3}to)\s{1,3}the\s{1,3}(?:outage|disruption|downtime|impact)\b|\bresolv(?:es|ed)\s{1,3}the\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?:outage|disruption|downtime|incident|issue|problem)\b)/i;
/**
 * The service said to be back: "Build Service comes back from downtime", "services were back up and
 * running", "docs.rs back online", "jenkins.io is back."; not negated or awaited ("to see if it
 * comes back"), not someone's aim ("to bring it back online"), nor a reply ("got back to the
 * author") or a state named after it ("comes back Running but unreachable").
 */
const BACK =
  /(?<!\b(?:not|never|n't|if|whether|until|when|once)\s{1,3}(?:[\w.-]{1,30}\s{1,3}){0,2})\b(?:is|are|was|were|comes?|came|got|gets|went|been)\s{1,3}(?:fully\s{1,3}|now\s{1,3}|finally\s{1,3})?back(?=\s{0,3}(?:$|[.,;!]|(?:up|online|from)\b|to\s{1,3}(?:normal|100|full|health)|in\s{1,3}service\b|and\s{1,3}running\b))|(?<!\b(?:bring|bringing|brought|get|getting|put|putting|try|trying|to)\s{1,3}(?:[\w.-]{1,30}\s{1,3}){0,2})\bback\s{1,3}online\b/i;
/**
 * Monitoring closing its own alert: "Pingdom automatically closes the OpsGenie alert", "the page
 * was auto-resolved"; a person resolving an alert is not the problem ending.
 */
const ALERT_CLOSED_BY_ITSELF =
  /\bauto(?:matically|-)?\s{0,3}(?:clos(?:es|ed)|resolv(?:es|ed)|clear(?:s|ed))\s{1,3}(?:the\s{1,3}|its\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,2}(?:alerts?|alarms?|pages?)\b/i;
/**
 * The end stated as a noun: "full resolution achieved by 16:54", "complete recovery at 03:10"; not
 * when negated ("no full recovery yet").
 */
const RECOVERY_NOUN =
  /(?<!\b(?:no|not|without|before)\s{1,3}(?:a\s{1,3}|the\s{1,3})?)\b(?:full|complete|final)\s{1,3}(?:resolution|recovery|restoration)\b/i;
/**
 * Recovery told as news: "announced the recovery of Kroma mainnet", "Fastly observes recovery at the
 * affected point of presence"; not a recovery weighed ("due to observed recovery patterns").
 */
const RECOVERY_TOLD =
  /\b(?:announc(?:es|ed)|observes|observed|confirms|confirmed|reports|reported|declares|declared)\s{1,3}(?:the\s{1,3})?(?:full\s{1,3})?recovery(?=\s{0,3}(?:$|[.,;:!(]|(?:of|at|on|in|for|across)\b))/i;
/**
 * The problem itself said to be repaired, as writers mark its end: "Incident repaired", "the outage
 * was repaired". ("Issue mitigated" is not: writers take it for the end and for relief alike.)
 */
const ISSUE_REPAIRED =
  /(?<!\b(?:not|never|partially|partly)\s{1,3}(?:yet\s{1,3}|been\s{1,3})?)\b(?:incident|outage|issue|problem)\s{1,3}(?:(?:is|was|has\s{1,3}been|had\s{1,3}been)\s{1,3})?(?:fully\s{1,3})?repaired\b/i;
/**
 * The incident said to begin: "The disruption began around 10:55", "the outage started at 21:30",
 * "The issue began at 07:38": a symptom, whatever words the rest of the sentence uses.
 */
const ONSET_STATED =
  /(?<!\b(?:no|not|never|before|until)\s{1,3}(?:the\s{1,3})?)\b(?:incident|outage|disruption|degradation|downtime|impact|issue|problem)\s{1,3}(?:(?:first|initially|originally)\s{1,3})?(?:began|begins|started|starts|commenced)\b/i;
/**
 * Capacity or a limit changed by someone: "Georgiana increases the hub memory limit", "Doubled number
 * of edge proxy boxes", "Redis instance is resized", "reduced batch submitter confirmation depth from
 * 6 to 3", "decide to increase limit to 20 nodes"; not a measure rising ("increased memory usage").
 * The passive names the thing first: "Redis instance is resized", "the quota was bumped".
 */
const CAPACITY_CHANGED =
  /\b(?:increas(?:e|es|ed|ing)|decreas(?:e|es|ed)|rais(?:e|es|ed)|lower(?:s|ed)?|reduc(?:e|es|ed)|doubl(?:e|es|ed)|halv(?:e|es|ed)|bump(?:s|ed)?|resiz(?:e|es|ed))\b[^.;]{0,40}?\b(?:limits?|capacity|nodes?|replicas?|memory|cpu|quotas?|timeouts?|count|size|instances?|boxes|depth|pool|guarantees?)\b(?!\s{1,3}(?:usage|pressure|consumption|utili[sz]ation|load|errors?|latency|exhaustion)\b)|\b(?:limits?|capacity|nodes?|replicas?|quotas?|timeouts?|instances?|pool|cluster)\s{1,3}(?:(?:is|was|were|are|has\s{1,3}been|have\s{1,3}been)\s{1,3})(?:resized|increased|decreased|raised|lowered|reduced|doubled|halved|bumped)\b/i;
/**
 * A fix put up for review, which starts the mitigation (the guide counts an opened fix): "Fix for
 * CVE-2019-15225 is opened at …/pull/7878", "…/pull/6258 was opened to address", "Flutter PR #6765
 * sent to pin Flutter to a known good version", "revert pull request created", "a fix is proposed".
 */
const FIX_OPENED =
  /\b(?:(?:hot)?fix(?:es)?|patch|revert|workaround)\b[^.;]{0,60}?\b(?:opened|created|submitted|sent|filed|proposed|raised|put\s{1,3}up)\b|\b(?:PR|pull\s{1,3}request|pull\/\d{1,7})\b[^.;]{0,60}?\b(?:opened|created|submitted|sent|filed|proposed|raised)\b[^.;]{0,10}?\bto\s{1,3}(?:fix|address|resolve|revert|mitigate|pin|restore|work\s{1,3}around)\b/i;
/**
 * Something said to become unusable: "the application became unavailable", "The kubernetes API server
 * became unavailable", "the site becomes unreachable": the problem's state, a symptom.
 */
const BECAME_UNAVAILABLE =
  /\b(?:became|becomes|become|becoming)\s{1,3}(?:(?:completely|fully|totally|partially|intermittently)\s{1,3})?(?:unavailable|unreachable|unresponsive|inaccessible|unusable)\b/i;
/**
 * Something beginning to fail: "Updates start failing", "Launches begin failing again", "pods
 * begin failing to connect"; the failure is the news, a symptom.
 */
const FAILING_BEGAN =
  /\b(?:start(?:s|ed)?|begins?|began)\s{1,3}(?:to\s{1,3}fail|failing|erroring|timing\s{1,3}out|returning\s{1,3}errors)\b/i;
/**
 * A finding about the cause, told as one: "Team found that the nodes are being recycled", "It was
 * determined that the source …", "identified the root cause"; not what someone noticed or realised
 * (a symptom seen), nor a finding negated ("never found the cause").
 */
const FINDING =
  /(?<!\b(?:not|never|n't|yet\s{1,3}to)\s{1,3}(?:been\s{1,3})?)\b(?:found|discovered|identified|determined|established|traced|pinpointed)\s{1,3}(?:that|the\s{1,3}(?:root\s{1,3})?cause|(?:the\s{1,3})?(?:issue|problem)\s{1,3}(?:was|is|to\s{1,3}be))\b/i;
/** A recovery told as partial: "largely restored", "the majority of services recovered", "began to recover". */
const PARTIAL =
  /\b(?:partial(?:ly)?|mostly|largely|majority|in\s{1,3}part|(?:began|begins|beginning|started|starting)\s{1,3}to)\b/i;
/** `… (outage starts)`, `… Outage ends.`: the writer marks where the impact begins or ends. */
const IMPACT_BOUND =
  /(?:^|[.!;(]\s{0,3})(?:the\s{1,3})?(?:outage|impact|downtime|disruption|incident)\s{1,3}(?:is\s{1,3})?(start(?:s|ed)?|begins?|began|ends?|ended|over)\W{0,4}$/i;

/** `… <START OF OUTAGE>`, `… (end of impact)`: the same bound written as a noun. */
const IMPACT_BOUND_NOUN =
  /(?:^|[.!;(<[*]\s{0,3})(start|beginning|end)\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:outage|impact|downtime|disruption|incident)\W{0,6}$/i;

/** `Start of incident. New version … is deployed`: the bound as a sentence of its own, opening the line. */
const OPENING_BOUND =
  /^\W{0,4}(start|beginning|end)\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:outage|impact|downtime|disruption|incident)\s{0,2}[.:!—–]\s{0,4}/i;

/**
 * A phase label opening the line, as the widely copied SRE template writes them: "OUTAGE BEGINS —
 * backends start melting down", "OUTAGE ENDS, all traffic balanced", "OUTAGE MITIGATED, index
 * replicated", "INCIDENT BEGINS docbrown declares …", "INCIDENT ENDS, reached exit criterion". In
 * capitals it is a label by itself; in other case only a separator after it makes it one ("Outage
 * begins: …"), so "Outage began when …" stays a sentence. The outage's bounds are the impact's; the
 * incident's are the response's (declared, closed).
 */
const OPENING_PHASE_CAPS =
  /^\W{0,4}(OUTAGE|IMPACT|DOWNTIME|DISRUPTION|INCIDENT)\s{1,3}(?:IS\s{1,3})?(BEGINS|BEGAN|STARTS|STARTED|ENDS|ENDED|OVER|MITIGATED)\b[\s:—–,;.-]{0,4}(?=\S)/;
const OPENING_PHASE_WORDS =
  /^\W{0,4}(?:the\s{1,3})?(outage|impact|downtime|disruption|incident)\s{1,3}(?:is\s{1,3})?(begins|began|starts|started|ends|ended|over|mitigated)\s{0,2}[:—–,;-]\s{0,4}(?=\S)/i;
/** The thing and verb an opening phase label names, lower-cased, and the text after it; null when the line opens with none. */
function openingPhase(text: string): { what: string; verb: string; rest: string } | null {
  const m = OPENING_PHASE_CAPS.exec(text) ?? OPENING_PHASE_WORDS.exec(text);
  return m ? { what: m[1].toLowerCase(), verb: m[2].toLowerCase(), rest: text.slice(m[0].length) } : null;
}
/** A bound word that ends the impact or the response ("ends", "over"), not one that starts it. */
const ENDS = /^(?:end|over)/i;

/**
 * The phase a writer labels an entry with, opening the line or a line of a table cell (after a
 * `<br>`, or the dash the cell's lines are joined with): "**Mitigation attempt 2**: disabling
 * armhf-gnu", "Recovery: tree was re-opened", "Detection: …", "Root cause: …". The writer's own
 * word for what the entry is.
 */
const PHASE_LABEL =
  /(?:^|<br\s{0,2}\/?>|\s[—–]\s)[\s*_]{0,4}(mitigation|workaround|fix|recovery|resolution|detection|diagnosis|root\s{1,3}cause)(?:\s{1,3}(?:attempt|step)\s{0,3}#?\d{1,3})?[\s*_]{0,4}:/gi;
const PHASE_SIGNAL: Record<string, Signal> = {
  mitigation: 'mitigation',
  workaround: 'mitigation',
  fix: 'mitigation',
  recovery: 'recovery',
  resolution: 'recovery',
  detection: 'detect',
  diagnosis: 'diagnosis',
  'root cause': 'diagnosis',
};

/** The text after a bound the line opens with ("Start of incident. The last two nodes are cordoned."), or null. */
export function afterOpeningBound(text: string): string | null {
  const m = OPENING_BOUND.exec(text);
  return m ? text.slice(m[0].length) : (openingPhase(text)?.rest ?? null);
}

/** The line's words other than its closing of the incident ("Service restored and " of "Service restored and incident closed"). */
export const besidesClosing = (text: string) => text.replace(CLOSED, ' ');

function communicates(text: string): boolean {
  const told = COMMUNICATES.exec(text);
  return told !== null && !ACT_BEFORE.test(text.slice(0, told.index));
}

/** What the line's explicit markers state; empty signals and no kind when it carries none. */
export function markers(line: Line): Marked {
  const signals = new Set<Signal>();
  let kind: EventKind | undefined;
  if (line.status) for (const s of STATUS[statusKey(line.status)] ?? []) signals.add(s);
  const lead = line.text.match(LEADING_TAG);
  if (lead) {
    const [, bracket, paren, symbol, colon] = lead;
    const full = statusKey(bracket ?? paren ?? symbol ?? colon);
    // A tag of two words names a status ("all clear") or is a status followed by text ("DETECTED error").
    const tag = STATUS[full] || TAG_KIND[full] ? full : full.split(' ')[0];
    const stated = STATUS[tag];
    // A word followed by a colon is a tag only when it is written in capitals (`RESOLVED:`, not `Update:`).
    const written = colon === undefined || colon === colon.toUpperCase();
    if (stated && written) for (const s of stated) signals.add(s);
    if ((bracket ?? paren) && TAG_KIND[tag]) kind = TAG_KIND[tag];
  }
  if (TRAILING_TAG.test(line.text)) signals.add('recovery');
  const statusLead = STATUS_PAGE_LEAD.exec(line.text);
  const update = statusLead ? STATUSPAGE_STATUS[statusLead[1].toLowerCase()] : undefined;
  if (update) {
    for (const s of update.signals) signals.add(s);
    kind ??= update.kind;
  }
  for (const m of line.text.matchAll(PHASE_LABEL)) {
    const signal = PHASE_SIGNAL[m[1].toLowerCase().replace(/\s+/g, ' ')];
    if (signal) signals.add(signal);
  }
  if (ALERT_ENDED.test(line.text) || ALERT_CLOSED_BY_ITSELF.test(line.text)) {
    signals.add('recovery');
    kind ??= 'alert_resolved';
  }
  const fired = ALERT_FIRED.test(line.text) || NAMED_ALERT_FIRED.test(line.text);
  if (fired) {
    signals.add('detect');
    kind ??= 'alert';
  }
  const detected = DETECTED.exec(line.text);
  if (detected && !NEGATED_BEFORE.test(line.text.slice(0, detected.index))) signals.add('detect');
  if (PROBLEM_FOUND.test(line.text) || TEAM_NOTIFIED.test(line.text)) signals.add('detect');
  const paged = PAGE_RECEIVED.exec(line.text);
  if (paged) {
    signals.add('detect');
    if ((paged[1] || paged[2]) && !ALERT_WORD.test(line.text)) kind ??= 'page';
  }
  if (TRAFFIC_STEERED.test(line.text)) signals.add('mitigation');
  if (NOTICED_AT_ALL.test(line.text)) signals.add('detect');
  if (NOTICED.test(line.text)) {
    signals.add('symptom');
    signals.add('detect');
  }
  const posted = ON_STATUS_PAGE.test(line.text);
  if (DECLARED.test(line.text) || posted || CONVENED_AS_INCIDENT.test(line.text)) signals.add('declare');
  // Putting the incident on the status page is the team's act, whatever it is said to report.
  if (posted) kind ??= 'action';
  const ended = END_OF_ERRORS.exec(line.text);
  if (ended) {
    signals.add('recovery');
    if (/\b(?:alert|alarm|page|pager)/i.test(ended[1] + ended[2])) kind ??= 'alert_resolved';
  }
  if (CLOSED.test(line.text)) signals.add('close');
  const acknowledges = ACKNOWLEDGED.test(line.text) || CONVENED.test(line.text);
  if (acknowledges || INVESTIGATION_BEGAN.test(line.text) || CONFIRMED_PROBLEM.test(line.text))
    signals.add('ack');
  if (OPENS_WITH_INVESTIGATION.test(line.text)) kind ??= 'ack';
  if (REPRODUCES.test(line.text)) {
    signals.add('ack');
    kind ??= 'ack';
  }
  if (
    RECOVERY_STATED.test(line.text) ||
    RECOVERY_NOUN.test(line.text) ||
    BACK.test(line.text) ||
    RECOVERY_TOLD.test(line.text) ||
    ISSUE_REPAIRED.test(line.text)
  )
    signals.add('recovery');
  const failing = FAILING_BEGAN.test(line.text);
  if (ONSET_STATED.test(line.text) || failing || BECAME_UNAVAILABLE.test(line.text)) signals.add('symptom');
  if (STOPPED.test(line.text) || FIX_OPENED.test(line.text)) signals.add('mitigation');
  if (CAPACITY_CHANGED.test(line.text)) signals.add('change');
  if (FINDING.test(line.text)) signals.add('diagnosis');
  const bound =
    line.text.match(IMPACT_BOUND) ?? line.text.match(IMPACT_BOUND_NOUN) ?? line.text.match(OPENING_BOUND);
  let side: 'start' | 'end' | undefined = bound ? (ENDS.test(bound[1]) ? 'end' : 'start') : undefined;
  // A phase label opening the line: the outage's bounds are the impact's ("OUTAGE MITIGATED" is the
  // service back in part); the incident's are the response's, declared and closed.
  const phase = openingPhase(line.text);
  let mitigated = false;
  if (phase && phase.what !== 'incident') {
    if (phase.verb === 'mitigated') mitigated = true;
    else side = ENDS.test(phase.verb) ? 'end' : 'start';
  }
  if (phase?.what === 'incident') signals.add(ENDS.test(phase.verb) ? 'close' : 'declare');
  if (mitigated) signals.add('recovery');
  if (side) signals.add(side === 'end' ? 'recovery' : 'symptom');
  return {
    kind,
    signals: [...signals],
    ...(!posted && (REPORTED.test(line.text) || REPORT_RECEIVED.test(line.text)) ? { reported: true } : {}),
    ...(posted ? { posted: true } : {}),
    ...(fired ? { fired: true } : {}),
    ...(THEIR_PAGE.test(line.text) ? { theirs: true } : {}),
    ...(WEIGHED.test(line.text) ? { weighed: true } : {}),
    ...(side ? { bound: side } : {}),
    ...(mitigated || PARTIAL.test(line.text) ? { partial: true } : {}),
    ...(acknowledges ? { acknowledges: true } : {}),
    ...(communicates(line.text) ? { communicates: true } : {}),
    ...(failing ? { failing: true } : {}),
  };
}
