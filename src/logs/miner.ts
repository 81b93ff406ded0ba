import { maskTokens, WILDCARD } from './token-mask.js';

export interface MinerOptions {
  /** Share of a template's literal tokens a line must repeat to join it (Drain's `st`). */
  similarity?: number;
  /** Tree depth: the length layer, `depth - 2` leading-token layers, then the clusters. */
  depth?: number;
  /** Distinct tokens a tree node keeps before routing the rest through `<*>`. */
  maxChildren?: number;
  /** Masked lines remembered for an exact-match shortcut; cleared when full. */
  cacheSize?: number;
}

interface Cluster {
  id: number;
  tokens: string[];
}

interface TreeNode {
  children: Map<string, TreeNode>;
  clusters: Cluster[];
}

const node = (): TreeNode => ({ children: new Map(), clusters: [] });

/** Drain's similarity: the share of positions where the line repeats the template's literal token. */
function similarity(template: string[], tokens: string[]): { score: number; wildcards: number } {
  let same = 0;
  let wildcards = 0;
  let identical = true;
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    if (t !== tokens[i]) identical = false;
    else if (t !== WILDCARD) same++;
    if (t === WILDCARD) wildcards++;
  }
  // A line equal to the template joins it even when masking left few literals to compare.
  return { score: identical || !template.length ? 1 : same / template.length, wildcards };
}

/**
 * A Drain-style online template miner: a fixed-depth prefix tree keyed by token count and the
 * first tokens routes each masked line to a small list of clusters, where the most similar one
 * above the threshold absorbs it (differing positions become `<*>`); otherwise the line starts a
 * new cluster, so a template seen once is kept. Identical masked lines skip the tree entirely.
 * @example const m = miner(); m.add('took 42 ms'); m.template(m.add('took 7 ms')) // 'took <*> ms'
 */
export function miner({
  similarity: threshold = 0.5,
  depth = 4,
  maxChildren = 100,
  cacheSize = 50_000,
}: MinerOptions = {}) {
  const root = new Map<number, TreeNode>();
  const clusters: Cluster[] = [];
  const seen = new Map<string, Cluster>();
  const tokens: string[] = [];

  const leafFor = (count: number): TreeNode => {
    let at: TreeNode = root.get(count) ?? node();
    root.set(count, at);
    const layers = Math.min(depth - 2, count);
    for (let i = 0; i < layers; i++) {
      const token = tokens[i].includes(WILDCARD) ? WILDCARD : tokens[i];
      const key = at.children.has(token) || at.children.size < maxChildren ? token : WILDCARD;
      const next: TreeNode = at.children.get(key) ?? node();
      at.children.set(key, next);
      at = next;
    }
    return at;
  };

  const bestIn = (leaf: TreeNode): Cluster | null => {
    let best: Cluster | null = null;
    let bestScore = -1;
    let bestWildcards = -1;
    for (const cluster of leaf.clusters) {
      const { score, wildcards } = similarity(cluster.tokens, tokens);
      if (score > bestScore || (score === bestScore && wildcards > bestWildcards)) {
        best = cluster;
        bestScore = score;
        bestWildcards = wildcards;
      }
    }
    return best && bestScore >= threshold ? best : null;
  };

  return {
    /** Adds one message; returns the id of the cluster it joined or started. */
    add(message: string): number {
      const count = maskTokens(message, tokens);
      const key = tokens.join(' ');
      const known = seen.get(key);
      if (known) return known.id;
      const leaf = leafFor(count);
      let cluster = bestIn(leaf);
      if (cluster) {
        const template = cluster.tokens;
        for (let i = 0; i < count; i++) if (template[i] !== tokens[i]) template[i] = WILDCARD;
      } else {
        cluster = { id: clusters.length, tokens: tokens.slice() };
        clusters.push(cluster);
        leaf.clusters.push(cluster);
      }
      if (seen.size >= cacheSize) seen.clear();
      seen.set(key, cluster);
      return cluster.id;
    },
    template: (id: number): string => clusters[id].tokens.join(' '),
    get size() {
      return clusters.length;
    },
  };
}

export type Miner = ReturnType<typeof miner>;
