// Fits the meaning model: deterministic full-batch training (fixed order, fixed iterations, no
// randomness) of a softmax over kinds and a logistic output per signal, with an L2 penalty.
import { softmax, type Weights } from './model.js';

export interface Example {
  features: string[];
  kind: string;
  signals: string[];
  /** The document the example comes from. */
  document?: string;
  /** The collection (the writers) the example comes from. */
  collection?: string;
}

export interface TrainOptions {
  iterations?: number;
  learningRate?: number;
  /** L2 penalty on the feature weights (never on the biases). */
  l2?: number;
  /** Features seen on fewer examples than this are left out. */
  minCount?: number;
  /** Features seen in fewer documents than this are left out (examples without a document count apart). */
  minDocuments?: number;
  /**
   * Features seen in fewer collections than this are left out: a word only one set of writers uses
   * describes those writers, not a kind (examples without a collection count apart).
   */
  minCollections?: number;
  threshold?: number;
  /** Weights smaller than this are dropped from the file: they barely move a score. */
  prune?: number;
  /**
   * Weigh each kind's examples by (average kind size / this kind's size) to this power: 0 leaves
   * them as they are, 1 makes every kind count as much, 0.5 is halfway.
   */
  balance?: number;
  /** Weigh each signal's present examples up to this many times, towards the share of absent ones. */
  signalBoost?: number;
}

/** Trains on the examples; kinds and signals fix the order of the outputs. */
export function train(
  examples: Example[],
  kinds: string[],
  signals: string[],
  {
    iterations = 300,
    learningRate = 0.5,
    l2 = 0.001,
    minCount = 2,
    minDocuments = 1,
    minCollections = 1,
    threshold = 0.5,
    balance = 0,
    signalBoost = 1,
    prune = 0,
  }: TrainOptions = {},
): Weights {
  const names = supported(examples, { minCount, minDocuments, minCollections });
  const index = new Map(names.map((f, i) => [f, i]));
  const K = kinds.length;
  const width = K + signals.length;
  const rows = examples.map((e) => ({
    f: [...new Set(e.features)].map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    k: kinds.indexOf(e.kind),
    s: signals.map((s) => (e.signals.includes(s) ? 1 : 0)),
  }));
  const perKind = kinds.map((_, k) => rows.filter((r) => r.k === k).length);
  const weightOf = (k: number) => (balance && perKind[k] ? (rows.length / (K * perKind[k])) ** balance : 1);
  const positive = signals.map((_, j) => {
    const present = rows.filter((r) => r.s[j]).length;
    return present ? Math.min(signalBoost, Math.max(1, (rows.length - present) / present)) : 1;
  });

  const W = new Float64Array(names.length * width);
  const b = new Float64Array(width);
  const gW = new Float64Array(W.length);
  const gb = new Float64Array(width);
  // Adagrad: each weight's step shrinks with the gradients it has seen.
  const hW = new Float64Array(W.length);
  const hb = new Float64Array(width);
  const n = rows.length || 1;
  for (let it = 0; it < iterations; it++) {
    gW.fill(0);
    gb.fill(0);
    for (const r of rows) {
      const z = Array.from(b);
      for (const f of r.f) for (let j = 0; j < width; j++) z[j] += W[f * width + j];
      const p = softmax(z.slice(0, K));
      const w = r.k >= 0 ? weightOf(r.k) : 0;
      const g = new Array<number>(width);
      for (let j = 0; j < K; j++) g[j] = w * (p[j] - (j === r.k ? 1 : 0));
      for (let j = K; j < width; j++) {
        const y = r.s[j - K];
        g[j] = (y ? positive[j - K] : 1) * (1 / (1 + Math.exp(-z[j])) - y);
      }
      for (let j = 0; j < width; j++) gb[j] += g[j];
      for (const f of r.f) for (let j = 0; j < width; j++) gW[f * width + j] += g[j];
    }
    for (let j = 0; j < width; j++) {
      const g = gb[j] / n;
      hb[j] += g * g;
      b[j] -= (learningRate * g) / (Math.sqrt(hb[j]) + 1e-8);
    }
    for (let i = 0; i < W.length; i++) {
      const g = gW[i] / n + l2 * W[i];
      if (g === 0) continue;
      hW[i] += g * g;
      W[i] -= (learningRate * g) / (Math.sqrt(hW[i]) + 1e-8);
    }
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  const weights: Record<string, number[]> = {};
  names.forEach((f, i) => {
    const pairs: number[] = [];
    W.subarray(i * width, (i + 1) * width).forEach((v, j) => {
      const w = round(v);
      if (w !== 0 && Math.abs(w) >= prune) pairs.push(j, Math.round(w * 100));
    });
    if (pairs.length) weights[f] = pairs;
  });
  return { kinds, signals, threshold, bias: Array.from(b, round), weights };
}

/** The features with enough support to be learned from, sorted: seen on enough examples, documents and collections. */
export function supported(
  examples: Example[],
  {
    minCount = 1,
    minDocuments = 1,
    minCollections = 1,
  }: Pick<TrainOptions, 'minCount' | 'minDocuments' | 'minCollections'>,
): string[] {
  const seen = new Map<string, { n: number; documents: Set<string>; collections: Set<string> }>();
  examples.forEach((e, i) => {
    for (const f of new Set(e.features)) {
      const s = seen.get(f) ?? { n: 0, documents: new Set<string>(), collections: new Set<string>() };
      s.n++;
      s.documents.add(e.document ?? `#${i}`);
      s.collections.add(e.collection ?? `#${i}`);
      seen.set(f, s);
    }
  });
  return [...seen]
    .filter(
      ([, s]) => s.n >= minCount && s.documents.size >= minDocuments && s.collections.size >= minCollections,
    )
    .map(([f]) => f)
    .sort();
}
