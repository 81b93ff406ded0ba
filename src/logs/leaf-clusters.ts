import { WILDCARD } from './token-mask.js';

export interface Cluster {
  id: number;
  tokens: string[];
  wildcards: number;
}

/** A token with no masked part: only these count towards similarity, as in Drain. */
export const isLiteral = (token: string) => token !== WILDCARD && !token.includes(WILDCARD);

/** Drain's similarity: the share of positions where the line repeats the template's literal token. */
export function similarity(template: string[], tokens: string[]): number {
  let same = 0;
  let identical = true;
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    if (t !== tokens[i]) identical = false;
    else if (isLiteral(t)) same++;
  }
  // A line equal to its template joins it even when masking left few literals to compare.
  return identical || !template.length ? 1 : same / template.length;
}

const NONE: Cluster[] = [];

/** A template's tokens as one string; tokens hold no whitespace, so the join is unambiguous. */
const templateKey = (tokens: string[]) => tokens.join(' ');

/** Clusters grouped by their exact template, oldest first in each group. */
function templateIndex() {
  const groups = new Map<string, Cluster[]>();
  return {
    /** The oldest cluster whose template is exactly `tokens`, or null. */
    oldest: (tokens: string[]): Cluster | null => groups.get(templateKey(tokens))?.[0] ?? null,
    add(cluster: Cluster, key = templateKey(cluster.tokens)): void {
      const group = groups.get(key);
      if (!group) groups.set(key, [cluster]);
      else {
        let at = group.length;
        while (at > 0 && group[at - 1].id > cluster.id) at--;
        group.splice(at, 0, cluster);
      }
    },
    remove(cluster: Cluster, key: string): void {
      const group = groups.get(key) ?? NONE;
      const at = group.indexOf(cluster);
      if (at >= 0) group.splice(at, 1);
      if (!group.length) groups.delete(key);
    },
  };
}

/**
 * The clusters of one tree leaf, indexed by (position, literal token). A cluster can only reach
 * the threshold by sharing `required` literals with the line, so it must sit in one of the
 * `literals - required + 1` shortest posting lists (prefix filtering): only those are read, and
 * a leaf holding thousands of templates of a heterogeneous log costs about as much as one of ten.
 */
export function leafClusters() {
  const all: Cluster[] = [];
  const postings: Map<string, Cluster[]>[] = [];
  const lists: Cluster[][] = [];
  const candidates = new Set<Cluster>();
  const exact = templateIndex();

  const pick = (from: Iterable<Cluster>, tokens: string[], threshold: number): Cluster | null => {
    let best: Cluster | null = null;
    let bestScore = -1;
    for (const c of from) {
      const score = similarity(c.tokens, tokens);
      if (score > bestScore || (score === bestScore && best && c.wildcards > best.wildcards)) {
        best = c;
        bestScore = score;
      }
    }
    return best && bestScore >= threshold ? best : null;
  };

  return {
    add(cluster: Cluster): void {
      all.push(cluster);
      exact.add(cluster);
      cluster.tokens.forEach((token, i) => {
        if (!isLiteral(token)) return;
        postings[i] ??= new Map();
        const list = postings[i].get(token);
        if (list) list.push(cluster);
        else postings[i].set(token, [cluster]);
      });
    },

    /** Widens a cluster's template to cover `tokens`: the positions where they differ become `<*>`. */
    absorb(cluster: Cluster, tokens: string[]): void {
      const template = cluster.tokens;
      let before: string | null = null;
      for (let i = 0; i < template.length; i++) {
        if (template[i] === tokens[i] || template[i] === WILDCARD) continue;
        before ??= templateKey(template);
        template[i] = WILDCARD;
        cluster.wildcards++;
      }
      if (before === null) return;
      exact.remove(cluster, before);
      exact.add(cluster);
    },

    /** Drain's choice: the highest similarity, ties to the most general template; null below threshold. */
    best(tokens: string[], threshold: number): Cluster | null {
      const required = Math.ceil(threshold * tokens.length - 1e-9);
      lists.length = 0;
      for (let i = 0; i < tokens.length; i++) {
        if (isLiteral(tokens[i])) lists.push(postings[i]?.get(tokens[i]) ?? NONE);
      }
      // Too few literals to reach the threshold: only an identical template can take the line
      // (the oldest, as a scan of the leaf in order would find).
      if (lists.length < required) return exact.oldest(tokens);
      if (required === 0) return pick(all, tokens, threshold);
      lists.sort((a, b) => a.length - b.length);
      candidates.clear();
      for (let k = 0; k <= lists.length - required; k++) for (const c of lists[k]) candidates.add(c);
      return pick(candidates, tokens, threshold);
    },
  };
}

export type LeafClusters = ReturnType<typeof leafClusters>;
