// The words that tell what a chat message, ticket or log line says happened; timeline lines are
// read by the learned model in ./meaning instead.

export const CLOSE =
  /\b(incident (is )?(closed|resolved|over)|closing (the|this) incident|closed the incident|all[- ]clear|postmortem scheduled)\b/i;
export const DECLARE =
  /\b(declar(ed|ing|e)( an?| the)? (incident|sev ?\d|p\d)|incident (was )?(declared|opened|created|started)|open(ed|ing) (an? )?incident|(sev|p) ?[0-4] (declared|incident)|incident channel (created|opened)|war ?room (opened|created))\b/i;
export const RESOLVED =
  /\b(resolved|cleared|recovered|back to normal|normali[sz]ed|ok again|no longer firing)\b/i;
export const HEALTH_PASS = /\b(pass(es|ed|ing)?|green|healthy|succeed(s|ed)?|ok)\b/i;
export const RECOVERY =
  /\b(recovered|recovers|recovery (is )?complete|back to normal|returned to normal|returns? to normal|back to baseline|normali[sz]ed|(errors?|failures?|5xx|timeouts?) (have |has )?(cleared|stopped|subsided|ceased|disappeared)|(errors?|failures?) cleared|alerts? (cleared|resolved)|(service|functionality|site|api|checkout|traffic|everything|operations?|availability)( is| was| has been| were)?( fully)? (restored|operational|available|healthy|back( up)?)|fully operational|fully restored|stable again|no (more|new) errors|back to (a )?(normal|functional|working|healthy)( state)?|as normal|(problem|issue) (was |is |has been )?(solved|fixed|resolved)|\(resolved\))\b/i;
export const ACK =
  /\b(acknowledg(ed|es|e|ing)|ack(ed|'d)?\b|looking into|i'?m on it|^on it\b|investigat(ing|es)|began investigat|begins? investigat|taking a look|responding|engaged|joined (the )?(call|bridge|channel))/i;
export const MITIGATION =
  /\b(roll(ing|ed|s)?[ -]?back|rollback|revert(ed|ing|s)?|failover|fail(ed|ing|s)? ?over|restart(ed|ing|s)?|reboot(ed|ing)?|bounced?|scal(ed|ing|e) (up|out)|added (more )?(capacity|replicas|nodes|instances)|flag (switched|turned) off|flag (off|disabled)|disabled (the )?(feature|flag)|kill[- ]switch|hotfix (deployed|applied|released)|mitigat(ed|ion|ing|e)|drain(ed|ing)|(traffic|load) (shifted|moved|diverted|rerouted)|switched (to|over to) (the )?(backup|secondary|standby)|version [\d.]+ (restored|reinstated)|v\d[\w.]* (restored|reinstated)|rate[- ]limit(ed|ing)? (applied|enabled))/i;
export const ROLLBACK =
  /\b(roll(ing|ed|s)?[ -]?back|rollback|revert(ed|ing|s)?|(version|v)\s?\d[\w.]* (restored|reinstated)|undo)\b/i;
export const REPORT =
  /\b(users?|customers?|clients?|support|merchants?|tenants?)\b[^.]{0,40}\b(report(s|ed|ing)?|complain(s|ed|ing|ts)?|unable|cannot|can't|see(ing)? errors|tickets?)\b|\b(reported|reports? of)\b/i;
/** Someone describing what they see right now: a human report when it names a symptom. */
export const OBSERVING =
  /\b(seeing|we see|i see|getting|noticed|anyone else|is down|are down|not working|keeps? failing)\b/i;
export const CHANGE =
  /\[change\]|\bdeploy(ed|ing|ment|s)?\b|\brelease(d|s)?\b|\brolled out\b|\brollout\b|\bconfig(uration)? (change|update|push|applied)|\bmigration\b|\bflag (flip(ped)?|enabled|turned on|changed)|\bupgraded?\b|\bmerged?\b|\bterraform apply\b|\bkubectl apply\b|\bshipped\b|\bpipeline run\b|\bmodif(y|ies|ying|ied)\b/i;
export const SYMPTOM =
  /\b(errors?|exceptions?|fail(ed|ing|ure|ures|s)?|5\d\ds?|5xxs?|4\d\ds?|timeouts?|timed out|latency|slow(ness|er)?|spik(e|es|ed|ing)|degrad(ed|ation)|outage|down|unavailable|unreachable|unhealthy|crash(ed|ing|es)?|oom(killed)?|out of memory|exhaust(ed|ion)|saturat(ed|ion)|pressure|overload(ed)?|refused|dropp(ed|ing)|broken|unable|cannot|can't|panic|backoff|circuit breaker|high cpu|cpu \d+%|(heap|memory) usage|above \d+%|queue(ing|d)? (up|backlog))\b/i;
/** Negated mentions ("no unusual spikes", "without errors") say a symptom is absent. */
export const NEGATION =
  /\b(no|not|without|zero|never|0)\s+(new\s+|unusual\s+|more\s+|further\s+|significant\s+|any\s+)*[\w-]+/gi;
export const ERROR_LEVEL = /^(fatal|error|err|critical|crit|alert|emerg|warn|warning)$/i;
