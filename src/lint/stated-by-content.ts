import { toString as mdText } from 'mdast-util-to-string';
import { causalSentences, type DocumentPart, documentParts } from '../sources/index.js';
import { boldFieldLabel } from '../text/bold-field.js';
import { onlyTimeFigures } from './figures-only.js';
import { milestoneTimes } from './milestone-times.js';
import type { PostmortemDocument } from './parse.js';
import { isFrontMatter } from './prose.js';
import { normaliseTitle, type SectionKind, sectionKind } from './sections.js';

/**
 * What an impact sentence says happened to users or systems: "customers could not log in", "the API
 * was down", "kernels being killed"; "shut down", "scaled down" are things done, not effects.
 */
const EFFECT =
  /\b(?:affected|impacted|impacting|killed|crash(?:ed|es|ing)|(?<!\b(?:shut|shutting|scaled?|scaling|turned|turning|wind|wound|step|stepped|narrowed|slowed|cool|cooled|spun|spin|tear|tore|torn|put|write|written|wrote)\s{1,3})down|unavailable|unable|could not|couldn't|cannot|can't|failed|failing|failures?|errors?|outage|downtime|degraded|degradation|disrupted|disruption|interrupted|interruption|delayed|delays?|lost|loss|slow(?:ness|er)?|timeouts?|timed out|exposed|exposure|compromised|stalled|broken|blocked|halted|inaccessible|missing|unreachable|unresponsive|prevent(?:ed|ing)|elevated|latency|rejected|dropped|5\d\d|fail|unusable|(?:not|(?:was|were|is|are|does|do|did|could|would)n't)\s{1,3}(?:[a-z]{2,15}ly\s{1,3})?(?:working|functioning|responding|loading|starting|building|launching)|(?:long\s{1,3})?wait(?:ing)?\s{1,3}times?|4\d\d\s{1,3}(?:forbidden|not\s{1,3}found|unauthori[sz]ed|bad\s{1,3}request|too\s{1,3}many\s{1,3}requests))\b/i;
const WHO =
  /\b(?:users?|customers?|clients?|players?|visitors?|employees?|teams?|services?|requests?|payments?|orders?|checkouts?|purchases?|logins?|sign-?(?:ups?|ins?)|webhooks?|traffic|site|website|api|app(?:lication)?s?|production|cluster|nodes?|network|platform|systems?|pipelines?|deploy(?:ments?)?|logs?|data|accounts?|wallets?|funds|transactions?|blocks?|builds?|launch(?:es)?|pods?|hubs?|servers?|kernels?|sessions?|notebooks?|jobs?|quer(?:y|ies)|pages?|endpoints?|sites?|domains?|dns|packages?|crates?|downloads?|releases?|tests?|uploads?|instances?|databases?|images?|photos?|videos?)\b/i;
/**
 * What a security report says of the harm, wherever it says it: whether the flaw was exploited,
 * what an attacker could do, what was stolen or at risk, what the fault resulted in, and how far a
 * published artifact reached ("downloaded 7181 times", "no dependent crates", "no crates depended on it").
 */
const EXPOSURE =
  /\b(?:(?:was|were|been|is|are|not|never)\s{1,3}(?:\w{1,20}\s{1,3})?exploited|exploitation|(?:attackers?|adversar(?:y|ies))\s{1,3}(?:could|can|would|might|may)|allow(?:s|ed)?\s{1,3}(?:an?\s{1,3})?(?:\w{1,20}\s{1,3})?(?:attackers?|adversar(?:y|ies))\s{1,3}to|(?:be|been|was|were)\s{1,3}stolen|exfiltrated|at risk|malicious activity|resulted in|(?:limited|no|little|minimal) impact|re-?org\w{0,4}|stalled|depleted|exhausted|downloaded\s{1,3}(?:[\d,.]{1,12}\s{1,3}times|by)|[\d,.]{1,12}\s{1,3}downloads|no\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,3}?dependents?|depended\s{1,3}on\s{1,3}(?:it|them))\b/i;
/**
 * A summary sentence that explains the fault: "because …", "we overlooked …", "failed to check …",
 * "was not validated", "did not have two-factor authentication enabled" (a safeguard missing), "we hit
 * a limit in the AWS Load Balancer" (a resource's limit reached, as "ran out of" one): the root
 * cause stated where a reviewer reads it, under no heading of its own; a status post's lead says it
 * as it goes on ("This is causing the services to return 500 http status codes").
 */
const EXPLAINS =
  /\b(?:because|overlooked|un-?(?:sanitized|sanitised|validated|escaped|checked|authenticated)\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?:input|data|parameters?|params?|requests?|values?|arguments?|paths?|fields?)|too\s{1,3}(?:many|much)|misconfigur\w{0,8}|bug\s{1,3}in|regression|race\s{1,3}condition|memory\s{1,3}leak|(?:had|has|have)\s{1,3}expired|ran\s{1,3}out\s{1,3}of|(?:hit|reached|exceeded|hitting|reaching|exceeding)\s{1,3}(?:a|an|the|our|its|their)\s{1,3}(?:[\w-]{1,25}\s{1,3}){0,3}?(?:limits?|quotas?|ceiling)|(?:was|were|is|are)\s{1,3}(?:causing|triggering|leading to|resulting in)|(?:failed to|did not|didn't)\s{1,3}(?:check|validate|verify|account for|limit|handle|restrict|sanitize|sanitise)|(?:was|were)\s{1,3}not\s{1,3}(?:[a-z]{2,15}ly\s{1,3})?(?:checked|validated|verified|costed|limited|bounded|restricted|sanitized|sanitised|protected|secured)|(?:did\s{1,3}not|didn't)\s{1,3}have\s{1,3}(?:[\w-]{1,25}\s{1,3}){1,4}?(?:enabled|in\s{1,3}place|configured|turned\s{1,3}on|set\s{1,3}up)\b|(?:investigation|analysis|examination|review)\s{1,3}(?:[a-z]{2,15}\s{1,3})?(?:revealed|showed|found|determined)\s{1,3}that)\b/i;
/**
 * A cause linked or suspected outside the timeline: "the crash was related to the stress test",
 * "we suspect the pool". A suspected cause is a root cause discussed in place, not a missing one.
 */
const LINKED =
  /\b(?:was|were|is|are)\s{1,3}(?:(?!not\b|never\b)\w{1,20}\s{1,3})?(?:related|linked|attributed|due)\s{1,3}to\b/i;
/**
 * An attack told as done, by whoever did it: "malicious actors injected code into …", "an attacker
 * compromised the account": how a security incident happened, the root cause a reviewer reads.
 */
const ATTACKED =
  /\b(?:attackers?|malicious\s{1,3}actors?|threat\s{1,3}actors?|adversar(?:y|ies)|hackers?)\s{1,3}(?:(?:had|have|then|also|successfully|first)\s{1,3})?(?:[a-z]{3,20}ed|stole|took|gained|got|hijacked)\b/i;
/**
 * A malicious thing or party named where the report opens ("two malicious crates which …", "a user
 * who uploaded crates that typosquatted popular ones with ill intent"): in a security advisory, the
 * root cause a reviewer reads is that someone published or did harm on purpose.
 */
const MALICE =
  /\b(?:malicious\s{1,3}(?:[\w`-]{1,30}\s{1,3}){0,2}?(?:crates?|packages?|code|payloads?|binar(?:y|ies)|scripts?|versions?|users?|actors?|uploads?|commits?|extensions?|dependenc(?:y|ies)|libraries|library|modules?)|malware|typosquat\w{0,6}|ill\s{1,3}intent)\b/i;
/**
 * A cause named by its noun outside a Root cause heading: "The primary cause of these issues is the
 * loss of events", "the main cause was …"; even among the timeline's entries, a thing said to be the
 * cause ("running .save … is most likely cause of the issue"), as the cause said to be unknown is.
 */
const CAUSE_NAMED =
  /\b(?:primary|main|underlying|real|actual|direct|proximate|immediate)\s{1,3}causes?\s{1,3}(?:of\s{1,3}[^.:]{1,80}?\s{1,3})?(?:was|is|were|are)\b/i;
const NAMED_THE_CAUSE =
  /\b(?:was|is|were|are)\s{1,3}(?:(?:indeed|actually|(?:most\s{1,3})?likely|(?:most\s{1,3})?probably|clearly)\s{1,3})?(?:the\s{1,3}(?:(?:root|main|primary|underlying|real|actual)\s{1,3})?cause\b|(?:root\s{1,3})?cause\s{1,3}of\b)(?![^.?]{0,80}\?)/i;
/**
 * Where the fault lay, said of the trouble itself: "Issue was with the leader ingress-controller pod
 * … and exhausting the shared memory", "the problem is in the retry loop": the cause located.
 */
const FAULT_LOCATED =
  /\b(?:issue|problem|fault|bug|failure)\s{1,3}(?:was|is|lay|lies)\s{1,3}(?:(?:actually|ultimately|really)\s{1,3})?(?:with|in)\b/i;
/**
 * A thing that did damage, and the harm that followed as a participle clause: "This PR executed
 * automatically and destroyed subnet route table configurations, disabling internet routing to …":
 * what broke and what it broke, a cause told as it happened.
 */
const DAMAGE_THEN_EFFECT =
  /\b(?:destroyed|deleted|removed|wiped|overwrote|overwritten|corrupted|truncated|exhausted|broke|dropped|disabled|revoked)\b[^.;:]{1,160},\s{0,3}(?:disabling|breaking|preventing|stopping|blocking|cutting|knocking|taking|leaving|making)\b/i;
/**
 * The cause said to be unknown where it is discussed, even among the timeline's entries ("The root
 * cause is still unknown", "The original cause is still not known but …", after or before a
 * suspicion): a root cause discussed in place, not a missing one.
 */
const CAUSE_UNKNOWN =
  /\b(?:root|original|underlying|exact|actual|real)\s{1,3}cause\s{1,3}(?:is|was|remains)\s{1,3}(?:still\s{1,3})?(?:unknown|unclear|not\s{1,3}(?:yet\s{1,3})?(?:known|identified|determined|clear))\b/i;
const LEAD_WORDS = 12;
/**
 * A note about the document itself, not the incident, set at the top: "**! This document is open to
 * feedback until … then it will be archived …**", "Note: this post was updated on …".
 */
const ABOUT_DOCUMENT =
  /^[\s*_>!]{0,8}(?:(?:note|update)\s{0,3}:\s{0,3})?(?:this|the)\s{1,3}(?:document|page|post|report|post-?mortem|write-?up)\s{1,3}(?:is|was|has|will|may)\b/i;
/** A bold label opening a paragraph or item, with the text after it: "**Impact**: 12 % of …". */
const LABEL = /^\s{0,8}(?:[-*+]\s{1,3})?(?:\*\*|__)([^*_]{1,60}?)(?:\*\*|__)\s{0,3}:?\s{0,3}\S/;
/** A plain label opening a list item of fields, with its value: "- Impact: Sends TXIDs …" under "Quick Facts". */
const ITEM_LABEL = /^\s{0,8}[-*+]\s{1,3}([A-Z][\p{L} ]{1,30}):\s{1,3}\S/u;

/** A field written as "**Date:** …" or "Status: …": metadata, not a sentence. */
const FIELD = /(?:\*\*|__)[^*_]{1,40}(?:\*\*|__)|^\s{0,3}[\p{L} ]{1,30}:\s/u;
/** A one-sentence lead under the title ("Password compromise of an employee's Okta account."). */
const isLeadSentence = (text: string) =>
  words(text) >= LEAD_SENTENCE_WORDS && /[.!]\s*$/.test(text) && !FIELD.test(text);
const LEAD_SENTENCE_WORDS = 5;

/** A summary saying what was checked and found unharmed: "no malicious links discovered", "No issues found". */
const NO_HARM =
  /\bno\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,4}?(?:(?:was|were)\s{1,3})?(?:found|discovered|detected)\b|\bno evidence (?:of|that)\b|\bno\s{1,3}(?:(?:actual|known|further)\s{1,3})?(?:unauthori[sz]ed|malicious|exploits?\b|exploitation|compromise)/i;
/**
 * A summary saying the incident had no effect, by a negated effect: "this was a noop from our
 * perspective", "no user-facing impact", "customers were not affected", "it did not affect users".
 */
const NO_EFFECT =
  /\b(?:was|were|is|been)\s{1,3}(?:an?\s{1,3})?no-?op\b|\bno\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?(?:impact|effect)\s{1,3}(?:on|to|for)\b|\bno\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?:user|customer)-?(?:facing|visible)\s{1,3}(?:impact|effect)\b|\b(?:users?|customers?|clients?)\s{1,3}(?:was|were)\s{1,3}not\s{1,3}(?:affected|impacted)\b|\bdid\s{1,3}not\s{1,3}(?:affect|impact)\s{1,3}(?:any\s{1,3})?(?:users?|customers?|clients?)\b/i;
/**
 * A status post's lead saying what its service is going through, or offering users a way around it:
 * "We are experiencing issues with the execution of the tasks", "A suggested work-around would be to
 * use the Lite base map": the impact, as the post's readers meet it. A trouble the team says it met,
 * wherever it says so outside the timeline ("We experienced a problem regarding RPC on every
 * browser" in a log's Problems block), is the impact too.
 */
const UNDERGOING =
  /\b(?:(?:(?:are|is|were|was|been)\s{1,3}experiencing|experienced|encountered)\s{1,3}(?:(?:an?|some|several|many|the\s{1,3}same)\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,2}?(?:issues?|problems?|difficult(?:y|ies)|trouble|errors?|failures?|outages?|delays?|degradation|disruptions?|interruptions?)|(?:suggested|temporary|possible)\s{1,3}work-?arounds?\s{1,3}(?:is|would\s{1,3}be|was)\s{1,3}to)\b/i;

/** A section titled only as figures ("Stats", "Quick stats - launch week", "Key metrics"), not as the impact. */
const STATS_TITLE =
  /^(?!.*\b(?:impacts?|affected|damage|harm|outage|downtime)\b).*\b(?:stats|statistics|metrics|key figures|numbers)\b/i;
/** Figures of harm a Stats block lists: time to detect or recover, users or customers affected. */
const STATS_HARM =
  /\b(?:time to|ttd|ttr|mttd|mttr|mtta|affected|impacted|lost|duration|customers?|users?)\b/i;

/** A time of day as prose tells it: "at 15:43", "3:45 PM", "04:11 UTC". */
const TIME_OF_DAY =
  /\bat\s{1,3}(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|\b(?:[01]?\d|2[0-3]):[0-5]\d\s{0,2}(?:[AaPp]\.?[Mm]\b|UTC\b|GMT\b)/;
/**
 * A full date and time of day set after a paragraph's last sentence, as a post's update is stamped
 * ("… tomorrow morning. {{< track "2018-07-31T16:08:53.000Z" >}}"): not a time the sentence tells
 * ("triggered at **2025-12-29 01:33:20 UTC**.").
 */
const STAMP =
  /[.!?]["')\]]?\s{1,3}[^.!?\n\d]{0,20}\d{4}-\d{2}-\d{2}(?:T|\s{1,2})\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?[^.!?\n]{0,30}$/;

/**
 * A status post's updates, each stamped with its date and time ("## Update 2 … {{< track
 * "2018-08-01T12:08:53.000Z" >}}"): paragraphs of prose (not code, not front matter) closed by a
 * stamp, enough of them to make a chronology.
 */
function stampedUpdates(doc: PostmortemDocument): number {
  let count = 0;
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'paragraph') {
      if (STAMP.test(mdText(node as Parameters<typeof mdText>[0]).trim())) count++;
      return;
    }
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) visit(child);
  };
  visit(doc.tree);
  return count;
}

/** Lines with a time in one part that make it a chronology rather than a time mentioned in passing. */
const NARRATED_TIMES = 3;

const textOf = (part: DocumentPart) => part.lines.map((l) => l.text).join(' ');

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
/** A heading that is a day or a time ("May 12", "15 May", "2022-01-28", "Day 2", "20:15"): a timeline's own entry. */
const DAY_OR_TIME_TITLE = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},?\\s{1,3})?(?:\\d{1,2}(?:st|nd|rd|th)?\\.?\\s{1,3}${MONTH}|${MONTH}\\s{1,3}\\d{1,2}\\b|\\d{4}-\\d{1,2}-\\d{1,2}|day\\s{1,3}\\d{1,3}\\b|\\d{1,2}:\\d{2})`,
  'i',
);

/**
 * Lines of the timeline as a reader takes them: its section with every subsection (an entry under
 * "### 12:49 PM" is the timeline's), and the day headings after it ("## May 12"), though written
 * at the timeline heading's own level.
 */
function timelineLines(doc: PostmortemDocument): Set<number> {
  const lines = new Set<number>();
  let open: number | null = null;
  for (const s of doc.sections) {
    if (s.kind === 'timeline') open = s.depth;
    else if (
      open !== null &&
      s.depth <= open &&
      !DAY_OR_TIME_TITLE.test(s.title.replace(/[*_#]/g, '').trim())
    )
      open = null;
    if (open === null) continue;
    for (let l = s.line; l <= s.endLine; l++) lines.add(l);
  }
  return lines;
}
/**
 * The first section under the document's title when its heading names no kind ("What happened?",
 * "Overview of the incident"): a reader takes its opening prose as the lead, though it has a heading.
 */
function firstUntitledKind(doc: PostmortemDocument): DocumentPart | null {
  const [first, second] = doc.sections;
  const section = first?.depth === 1 ? second : first;
  if (!section || section.kind !== null) return null;
  const lines = paragraphLines(doc, section);
  return lines.length ? { kind: 'other', lines } : null;
}

/** The lines of a section's own paragraphs, as written. */
function paragraphLines(doc: PostmortemDocument, section: PostmortemDocument['sections'][number]) {
  const out: { text: string; number: number }[] = [];
  for (const n of section.nodes)
    if (n.type === 'paragraph' && n.position)
      for (let l = n.position.start.line; l <= n.position.end.line; l++)
        out.push({ text: doc.lines[l - 1] ?? '', number: l });
  return out;
}

/** A section that asks what happened ("What happened?", "What went on"), as a reader's first question. */
const WHAT_HAPPENED = /^what (?:happened|went on|occurred)$/;

/**
 * The paragraphs of a section titled "What happened?" that is no timeline: where a report tells the
 * story in brief ("Images which had particularly long urls would fail to load."), its lead.
 */
function toldWhatHappened(doc: PostmortemDocument): DocumentPart[] {
  return doc.sections
    .filter((s) => s.kind === null && WHAT_HAPPENED.test(normaliseTitle(s.title)))
    .map((s) => ({ kind: 'other' as const, lines: paragraphLines(doc, s) }));
}

/** A field whose label names the summary itself, or the cause it would tell ("**Cause:** …"). */
const SUMMARY_LABEL =
  /^(?:summary|tl;?dr|overview|description|what\s{1,3}happened|synopsis|(?:root\s{1,3})?cause|trigger)$/i;
const BULLET_START = /^\s{0,3}[-*+]\s/;

/** The lines that are not header fields, nor a field's value wrapped onto the lines after it. */
function withoutFields<L extends { text: string }>(lines: L[]): L[] {
  const kept: L[] = [];
  let inField = false;
  for (const l of lines) {
    const label = boldFieldLabel(l.text);
    if (label !== null) inField = !SUMMARY_LABEL.test(label.trim());
    else if (!l.text.trim() || BULLET_START.test(l.text)) inField = false;
    if (!inField) kept.push(l);
  }
  return kept;
}

/** A field telling what happened: its harm, its cause or its fix ("- Impact: Sends TXIDs …", "- Fix: Update …"). */
const TELLING_LABEL =
  /^(?:impact|affected\s{1,3}[\w ]{1,20}|cause|root\s{1,3}cause|trigger|fix(?:ed)?|resolution|resolved|workaround|mitigation|what\s{1,3}happened)$/i;
/** Words of telling fields that make a block of fields the incident's story in brief. */
const TELLING_WORDS = 2 * LEAD_WORDS;
/** A field or its words telling how the incident ended: "- Fix: …", "… fixed in the same session". */
const ENDING_LABEL = /^(?:fix(?:ed)?|resolution|resolved|workaround|mitigation)$/i;
const ENDED = /\b(?:fixed|resolved|patched|reverted|rolled\s{1,3}back|mitigated)\b/i;

/**
 * A block of fields at the document's head ("Quick Facts": Severity, Affected versions, Impact,
 * Fix; or "**Impact**: First production run of two ingest jobs failed … fixed in the same session")
 * is its summary when the fields that tell the harm, cause or fix say enough in words and tell how
 * it ended: a reviewer reads what happened, to whom and how it ended, only set out as fields. An
 * Impact field alone, of what failed for how long, is the impact, not yet the story.
 */
function toldInFields(doc: PostmortemDocument, head: DocumentPart[]): boolean {
  const [first, second] = doc.sections;
  const section = first?.depth === 1 && isTitle(doc, first) ? second : first;
  const lines = [
    ...head.flatMap((p) => p.lines.map((l) => l.text)),
    ...(section && section.kind === null ? doc.lines.slice(section.line, section.endLine) : []),
  ];
  let told = 0;
  let ended = false;
  let open = false;
  for (const text of lines) {
    const label = boldFieldLabel(text) ?? text.match(ITEM_LABEL)?.[1] ?? null;
    if (label !== null) open = TELLING_LABEL.test(label.trim());
    else if (!text.trim() || BULLET_START.test(text)) open = false;
    if (!open) continue;
    const value = label !== null ? text.replace(/^[^:]*:/, '') : text;
    told += words(value);
    ended ||= (label !== null && ENDING_LABEL.test(label.trim())) || ENDED.test(value);
  }
  return ended && told >= TELLING_WORDS;
}

/** The document's title: its one top-level heading. */
const isTitle = (doc: PostmortemDocument, section: { depth: number }) =>
  section.depth === 1 && doc.sections.filter((s) => s.depth === 1).length === 1;

/** The last line of the YAML front matter, 0 when there is none. */
const frontMatterEnd = (doc: PostmortemDocument) => {
  const first = doc.tree.children[0];
  return first && isFrontMatter(first) ? (first.position?.end.line ?? 0) : 0;
};
const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/**
 * Sections a document has in substance though not by heading, as a reviewer reads it: an untitled
 * lead paragraph is a summary; a sentence stating a cause outside the timeline is a root cause; a
 * title, lead or summary that says who or what was hurt, or a Stats block, is an impact section.
 */
export function statedByContent(doc: PostmortemDocument): Set<SectionKind> {
  // Front matter is metadata, not prose: the title and lead after it are still the document's head.
  const meta = frontMatterEnd(doc);
  const parts = documentParts(doc.lines.map((text, i) => ({ text: i < meta ? '' : text, number: i + 1 })));
  const found = new Set<SectionKind>();
  // A banner about the document itself ("**! This document is open to feedback until …**") is no lead.
  // Header fields ("- **Severity**: high", "**Date:** …") are metadata too, a field named for the
  // summary ("**Summary:** …") aside; a field's value wrapped onto the lines below stays the field's.
  const head = parts.filter((p) => p.kind === 'head');
  const lead = head.map((p) => ({
    ...p,
    lines: withoutFields(p.lines.filter((l) => !ABOUT_DOCUMENT.test(l.text))),
  }));
  if (lead.some((p) => words(textOf(p)) >= LEAD_WORDS || isLeadSentence(textOf(p)))) found.add('summary');
  if (toldInFields(doc, head)) found.add('summary');
  // A section the shared reading of documents takes for the summary by its heading ("Description",
  // as eLife's template names it), holding any words: the summary is there, however thin (a
  // template's sentence left in it is no-placeholders' to report, not a missing section).
  if (
    !doc.sections.some((s) => s.kind === 'summary') &&
    parts.some((p) => p.kind === 'summary' && words(textOf(p)) > 0)
  )
    found.add('summary');
  const timeline = timelineLines(doc);
  const prose = parts
    .filter((p) => p.kind !== 'timeline')
    .map((p) => ({ ...p, lines: p.lines.filter((l) => !timeline.has(l.number)) }));
  if (prose.some((p) => causalSentences(p.lines).length)) found.add('rootCause');
  if (
    prose.some((p) =>
      p.lines.some(
        (l) =>
          LINKED.test(l.text) ||
          CAUSE_NAMED.test(l.text) ||
          FAULT_LOCATED.test(l.text) ||
          DAMAGE_THEN_EFFECT.test(l.text),
      ),
    )
  )
    found.add('rootCause');
  if (doc.lines.some((line) => CAUSE_UNKNOWN.test(line) || NAMED_THE_CAUSE.test(line)))
    found.add('rootCause');
  // A chronology told as prose ("At 3:28 PM UTC on November 23rd, the attacker …"), a time opening
  // line after line, is the timeline; one paragraph of narrative that names its times in passing is
  // not (a reviewer asks for them listed). A block of milestone fields ("- **Started**: 06:42 UTC",
  // "- **Resolved**: 06:55 UTC") is no chronology: its lines are not counted as narrated.
  const milestones = new Set(milestoneTimes(doc.lines).map((m) => m.line));
  if (
    prose.some(
      (p) =>
        p.lines.filter((l) => !milestones.has(l.number) && TIME_OF_DAY.test(l.text)).length >= NARRATED_TIMES,
    )
  )
    found.add('timeline');
  if (stampedUpdates(doc) >= NARRATED_TIMES) found.add('timeline');
  // With no lead of its own, the first section under the title is the lead ("What happened?").
  const leadSection = found.has('summary') ? null : firstUntitledKind(doc);
  if (leadSection && words(textOf(leadSection)) >= LEAD_WORDS) found.add('summary');
  // The story told before the first heading under the title ("It's Saturday evening …", with bold
  // exclamations between its paragraphs) is all the lead: a reader meets its effects at the top.
  const firstHeading = doc.sections.find((s) => s.depth <= 6 && s.line > meta && !isTitle(doc, s))?.line ?? 0;
  const beforeHeadings = parts.filter((p) => firstHeading && p.lines.every((l) => l.number < firstHeading));
  const opening = [
    ...parts.filter((p) => p.kind === 'title' || p.kind === 'head' || p.kind === 'summary'),
    ...beforeHeadings,
    ...(leadSection ? [leadSection] : []),
    ...toldWhatHappened(doc),
  ];
  if (
    opening.some((p) =>
      p.lines.some((l) => EXPLAINS.test(l.text) || ATTACKED.test(l.text) || MALICE.test(l.text)),
    )
  )
    found.add('rootCause');
  if (prose.some((p) => p.lines.some((l) => EXPOSURE.test(l.text)))) found.add('impact');
  // A part headed as the Impact holding only time-to figures ("MTTD: 2h52m", "MTTR: 1h35m") tells
  // no impact; a Stats block of figures is what its title promises, and is read as the impact,
  // unless no word of it tells of harm: "Quick stats - launch week" over visitors, sign-ups and
  // stars counts growth, not who or what was hurt.
  const growthOnly = (s: (typeof doc.sections)[number]) =>
    STATS_TITLE.test(s.title) &&
    !doc.lines.slice(s.line, s.endLine).some((line) => EFFECT.test(line) || STATS_HARM.test(line));
  const figuresUnderImpact = new Set(
    doc.sections
      .filter(
        (s) => (s.kind === 'impact' && onlyTimeFigures(doc.lines.slice(s.line, s.endLine))) || growthOnly(s),
      )
      .flatMap((s) => Array.from({ length: s.endLine - s.line + 1 }, (_, i) => s.line + i)),
  );
  if (
    parts.some(
      (p) => p.kind === 'impact' && !p.lines.every((l) => !l.text.trim() || figuresUnderImpact.has(l.number)),
    )
  )
    found.add('impact');
  if (opening.some((p) => p.lines.some((l) => EFFECT.test(l.text) && WHO.test(l.text)))) found.add('impact');
  // "No malicious attachments were discovered", "no evidence of access": the harm stated, as none.
  if ([...opening, ...prose].some((p) => p.lines.some((l) => UNDERGOING.test(l.text)))) found.add('impact');
  if (opening.some((p) => p.lines.some((l) => NO_HARM.test(l.text) || NO_EFFECT.test(l.text))))
    found.add('impact');
  for (const line of prose.flatMap((p) => p.lines)) {
    const label = line.text.match(LABEL)?.[1] ?? line.text.match(ITEM_LABEL)?.[1];
    const kind = label ? sectionKind(label.replace(/:\s*$/, '')) : null;
    if (kind === 'impact' || kind === 'rootCause' || kind === 'summary') found.add(kind);
  }
  return found;
}
