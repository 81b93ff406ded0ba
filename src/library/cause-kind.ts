/** Kinds of cause, most specific first; the first whose words appear names the cause. */
const KINDS: [string, RegExp][] = [
  [
    'security',
    /\b(compromise[ds]?|phish\w*|attack(er|ers)?|malware|vulnerabilit\w+|exploit\w*|credentials? (leak|theft|stolen)|supply[- ]chain|log4shell|cve-\d+)\b/i,
  ],
  [
    'capacity',
    /\b(exhaust\w*|starvation|out of (memory|disk|ip)|oom\w*|capacity|saturat\w+|pool (size|exhausted)|connection pool|limit reached|throttl\w+|overload\w*|quota)\b/i,
  ],
  ['config', /\b(config(uration)?|misconfigur\w+|setting|typo|flag|parameter|timeout value)\b/i],
  [
    'dependency',
    /\b(third[- ]party|upstream|vendor|provider|aws|github|cloudflare|dependency|external service)\b/i,
  ],
  [
    'deploy',
    /\b(deploy\w*|release[ds]?|rollout|upgrade[ds]?|version bump|migration|code change|bug in|regression)\b/i,
  ],
  ['network', /\b(dns|network\w*|routing|load balancer|alb|ingress|tls|certificate|packet|latency)\b/i],
  ['hardware', /\b(power (loss|outage)|hardware|disk failure|node failure|data ?cent(er|re))\b/i],
];

/** The kind of cause a root-cause text describes, or null when no kind's words appear. */
export function causeKindOf(text: string | null): string | null {
  if (!text) return null;
  return KINDS.find(([, re]) => re.test(text))?.[0] ?? null;
}
