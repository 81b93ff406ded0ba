// Text for readers who never see the timeline: the machine details evidence quotes, said in words.

// Each pattern is bounded and has no two quantifiers that can share a character, so each runs in linear time.
const URL = /\bhttps?:\/\/[^\s"'<>()]{1,500}/g;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b/gi;
/**
 * Kubernetes pod and replica set names: the workload, then the pod template hash and the pod's own
 * suffix, both in Kubernetes' safe alphabet (no vowels, no 0, 1 or 3), so ids like 1987004217 stay.
 */
const POD =
  /\b(?:Pod\/)?([a-z][a-z0-9]{0,30}(?:-[a-z][a-z0-9]{0,30}){0,4})-[bcdfghj-np-tv-z2456789]{6,10}-[bcdfghj-np-tv-z2456789]{5}\b/g;
const REPLICA_SET =
  /\b(?:ReplicaSet\/)?([a-z][a-z0-9]{0,30}(?:-[a-z][a-z0-9]{0,30}){0,4})-[bcdfghj-np-tv-z2456789]{6,10}\b/g;
const POD_OBJECT = /\bPod\/[a-z0-9][a-z0-9.-]{0,100}/g;
const QUOTED = /"[^"\n]{1,400}"/g;
/** A mined log template's wildcard, and an unquoted template left after the quoted ones. */
const WILDCARD = /<\*>/g;

/**
 * The text without addresses, pod names, links or log templates: "Pod/checkout-7c9d5f6b8d-x2x9q
 * failed at http://10.20.3.87:8080" becomes "a checkout pod failed at an internal address".
 */
export function evidenceFree(text: string): string {
  return text
    .replace(QUOTED, (q) => (q.includes('<*>') ? 'a recurring error in the logs' : q))
    .replace(URL, 'an internal address')
    .replace(IPV4, 'an internal address')
    .replace(IPV6, 'an internal address')
    .replace(POD, (_, workload: string) => `a ${workload} pod`)
    .replace(REPLICA_SET, (_, workload: string) => `a ${workload} replica set`)
    .replace(POD_OBJECT, 'a pod')
    .replace(WILDCARD, '…');
}
