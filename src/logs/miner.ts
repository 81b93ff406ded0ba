// The miner is one closure over its tree, clusters and cache, hence one function over 40 lines.
import { type Cluster, type LeafClusters, leafClusters } from './leaf-clusters.js';
import { MaskedLineCache } from './masked-line-cache.js';
import { ownCopy } from './own-copy.js';
import { LineMasker, WILDCARD } from './token-mask.js';

export interface MinerOptions {
  /** Share of a template's literal tokens a line must repeat to join it (Drain's `st`). */
  similarity?: number;
  /** Tree depth: the length layer, `depth - 2` leading-token layers, then the clusters. */
  depth?: number;
  /** Distinct tokens a tree node keeps before routing the rest through `<*>`. */
  maxChildren?: number;
  /** Masked lines remembered for an exact-match shortcut; cleared when full; 0 turns it off. */
  cacheSize?: number;
}

interface TreeNode {
  children: Map<string, TreeNode>;
  leaf: LeafClusters;
}

const node = (): TreeNode => ({ children: new Map(), leaf: leafClusters() });

/** The tree routes on a token's shape: masked tokens as `<*>`, `key=value` by its key alone. */
function routingKey(token: string): string {
  if (token.includes(WILDCARD)) return WILDCARD;
  const equals = token.indexOf('=');
  return equals > 0 ? token.slice(0, equals + 1) : token;
}

/**
 * A Drain-style online template miner: a fixed-depth prefix tree keyed by token count and the
 * first tokens routes each masked line to a small list of clusters, where the most similar one
 * above the threshold absorbs it (differing positions become `<*>`); otherwise the line starts a
 * new cluster, so a template seen once is kept. Identical masked lines skip the tree entirely: a
 * `MaskedLineCache` finds them by the masked line's bytes. `addBytes` masks a message where it
 * lies in a block, so that lines need not be decoded.
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
  const masker = new LineMasker();
  const recent = new MaskedLineCache(cacheSize);

  const leafFor = (tokens: string[]): TreeNode => {
    const count = tokens.length;
    let at = root.get(count);
    if (!at) {
      at = node();
      root.set(count, at);
    }
    const layers = Math.min(depth - 2, count);
    for (let i = 0; i < layers; i++) {
      const token = routingKey(tokens[i]);
      const key = at.children.has(token) || at.children.size < maxChildren ? token : WILDCARD;
      let next = at.children.get(key);
      if (!next) {
        next = node();
        at.children.set(ownCopy(key), next);
      }
      at = next;
    }
    return at;
  };

  /** Files the line just masked; returns the id of the cluster it joined or started. */
  const join = (): number => {
    const known = recent.get(masker.out, masker.length);
    if (known >= 0) return known;
    const masked = masker.toString();
    const tokens = masked ? masked.split(' ') : [];
    const { leaf } = leafFor(tokens);
    let cluster = leaf.best(tokens, threshold);
    if (cluster) leaf.absorb(cluster, tokens);
    else {
      cluster = { id: clusters.length, tokens: tokens.map(ownCopy), wildcards: 0 };
      for (const t of tokens) if (t === WILDCARD) cluster.wildcards++;
      clusters.push(cluster);
      leaf.add(cluster);
    }
    recent.set(masker.out, masker.length, cluster.id);
    return cluster.id;
  };

  return {
    /** Adds one message; returns the id of the cluster it joined or started. */
    add: (message: string): number => {
      masker.maskText(message);
      return join();
    },
    /** Adds the UTF-8 message in bytes [start, end) of `bytes`, as `add` would its decoded text. */
    addBytes: (bytes: Buffer, start: number, end: number): number => {
      masker.maskBytes(bytes, start, end);
      return join();
    },
    template: (id: number): string => clusters[id].tokens.join(' '),
    get size() {
      return clusters.length;
    },
  };
}

export type Miner = ReturnType<typeof miner>;
