import { RelatedIncident } from '../model/index.js';
import { sameTemplate } from './log-lines.js';
import type { IncidentRecord } from './record.js';
import { keyWords } from './search-query.js';
import type { StoreBackend } from './store.js';

export { RelatedIncident };

export interface RelatedOptions {
  limit?: number;
  /** How many text matches to consider. */
  textCandidates?: number;
}

const lower = (values: string[]) => new Set(values.map((v) => v.toLowerCase()));

/**
 * Past incidents related to one: same service, same failing log template, similar text, same
 * kind of cause — each with the reason why, strongest first.
 */
export async function relatedIncidents(
  target: IncidentRecord,
  store: Pick<StoreBackend, 'list' | 'search'>,
  { limit = 5, textCandidates = 10 }: RelatedOptions = {},
): Promise<RelatedIncident[]> {
  const words = keyWords([target.title, target.summary, target.rootCause ?? ''].join(' '));
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
    if (rank !== undefined) {
      const text = `${other.title} ${other.summary} ${other.rootCause ?? ''}`.toLowerCase();
      const shared = words.filter((w) => text.includes(w)).slice(0, 4);
      reasons.push(`similar text${shared.length ? `: ${shared.map((w) => `'${w}'`).join(', ')}` : ''}`);
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
