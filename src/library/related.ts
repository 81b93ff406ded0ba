import { RelatedIncident } from '../model/index.js';
import { sameTemplate } from './log-lines.js';
import type { IncidentRecord } from './record.js';
import { keyWords, searchWords } from './search-query.js';
import type { StoreBackend } from './store.js';

export { RelatedIncident };

export interface RelatedOptions {
  limit?: number;
  /** How many text matches to consider. */
  textCandidates?: number;
}

const lower = (values: string[]) => new Set(values.map((v) => v.toLowerCase()));

/** Shared words below this say nothing: one common word is chance. */
const MIN_SHARED = 2;

/**
 * The words an incident's own evidence uses. A generated record's summary and narrative are the
 * generator's sentences, the same in every report ("no change explains", "the affected service"),
 * so only the words its title and timeline also use count; an imported postmortem is all people's
 * words. Null when every word counts.
 */
function evidenceWords(record: IncidentRecord): Set<string> | null {
  if (record.origin !== 'generated') return null;
  // Log and metric lines are the generator's words around a template or a series ("Last error log
  // … in checkout", "left its baseline"): their templates count, their sentences do not.
  const recorded = record.timeline
    .filter((e) => e.kind !== 'log' && e.kind !== 'metric')
    .map((e) => e.summary);
  return new Set(searchWords([record.title, ...recorded, ...record.logTemplates].join(' ')));
}

/** The text of an incident that is about what happened: title, summary and root cause, in evidence words. */
function aboutWords(record: IncidentRecord): string[] {
  const allowed = evidenceWords(record);
  const words = searchWords([record.title, record.summary, record.rootCause ?? ''].join(' '));
  return allowed ? words.filter((w) => allowed.has(w)) : words;
}

/**
 * Past incidents related to one: same service, same failing log template, similar text, same
 * kind of cause — each with the reason why, strongest first.
 */
export async function relatedIncidents(
  target: IncidentRecord,
  store: Pick<StoreBackend, 'list' | 'search'>,
  { limit = 5, textCandidates = 10 }: RelatedOptions = {},
): Promise<RelatedIncident[]> {
  const words = keyWords(aboutWords(target).join(' '));
  const textHits = words.length
    ? await store.search(words.join(' '), { match: 'any', limit: textCandidates + 1 })
    : [];
  const textRank = new Map(textHits.filter((h) => h.id !== target.id).map((h, i) => [h.id, i]));
  const services = lower(target.services);
  const related: RelatedIncident[] = [];
  for (const other of await store.list()) {
    if (other.id === target.id) continue;
    const reasons: string[] = [];
    let score = 0;
    const sharedServices = other.services.filter((s) => services.has(s.toLowerCase()));
    if (sharedServices.length) {
      reasons.push(`same service: ${sharedServices.join(', ')}`);
      score += 2;
    }
    const sharedTemplates = other.logTemplates.filter((t) =>
      target.logTemplates.some((mine) => sameTemplate(mine, t)),
    );
    if (sharedTemplates.length) {
      reasons.push(`same failing log template: '${sharedTemplates[0]}'`);
      score += 3;
    }
    const rank = textRank.get(other.id);
    const theirs = new Set(aboutWords(other));
    const shared = words.filter((w) => theirs.has(w));
    if (rank !== undefined && shared.length >= MIN_SHARED) {
      reasons.push(
        `similar text: ${shared
          .slice(0, 4)
          .map((w) => `'${w}'`)
          .join(', ')}`,
      );
      score += 2 * (1 - rank / (textCandidates + 1));
    }
    if (target.causeKind && other.causeKind === target.causeKind) {
      reasons.push(`same kind of cause: ${target.causeKind}`);
      score += 1;
    }
    if (reasons.length)
      related.push({
        id: other.id,
        title: other.title,
        date: other.date,
        score: Math.round(score * 100) / 100,
        reasons,
      });
  }
  return related
    .sort((a, b) => b.score - a.score || (b.date ?? '').localeCompare(a.date ?? ''))
    .slice(0, limit);
}
