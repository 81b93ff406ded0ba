import { causalSentences, type DocumentPart, documentParts } from '../sources/index.js';
import type { PostmortemDocument } from './parse.js';
import type { SectionKind } from './sections.js';

/** What an impact sentence says happened to users or systems: "customers could not log in", "the API was down". */
const EFFECT =
  /\b(?:affected|impacted|unavailable|unable|could not|couldn't|cannot|can't|failed|failing|failures?|errors?|down|outage|downtime|degraded|degradation|disrupted|disruption|interrupted|interruption|delayed|delays?|lost|loss|slow(?:ness|er)?|timeouts?|timed out|exposed|exposure|compromised|stalled|broken|blocked|halted|inaccessible|missing)\b/i;
const WHO =
  /\b(?:users?|customers?|clients?|players?|visitors?|employees?|teams?|services?|requests?|traffic|site|website|api|app(?:lication)?s?|production|cluster|nodes?|network|platform|systems?|pipelines?|deploy(?:ments?)?|logs?|data|accounts?|wallets?|funds|transactions?|blocks?)\b/i;
const LEAD_WORDS = 12;

const textOf = (part: DocumentPart) => part.lines.map((l) => l.text).join(' ');
const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/**
 * Sections a document has in substance though not by heading, as a reviewer reads it: an untitled
 * lead paragraph is a summary; a sentence stating a cause outside the timeline is a root cause; a
 * title, lead or summary that says who or what was hurt, or a Stats block, is an impact section.
 */
export function statedByContent(doc: PostmortemDocument): Set<SectionKind> {
  const parts = documentParts(doc.lines.map((text, i) => ({ text, number: i + 1 })));
  const found = new Set<SectionKind>();
  const lead = parts.filter((p) => p.kind === 'head');
  if (lead.some((p) => words(textOf(p)) >= LEAD_WORDS)) found.add('summary');
  const prose = parts.filter((p) => p.kind !== 'timeline');
  if (prose.some((p) => causalSentences(p.lines).length)) found.add('rootCause');
  if (parts.some((p) => p.kind === 'impact')) found.add('impact');
  const opening = parts.filter((p) => p.kind === 'title' || p.kind === 'head' || p.kind === 'summary');
  if (opening.some((p) => p.lines.some((l) => EFFECT.test(l.text) && WHO.test(l.text)))) found.add('impact');
  return found;
}
