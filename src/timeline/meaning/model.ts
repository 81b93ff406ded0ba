// A linear model over line features: one softmax over the kinds, one logistic output per signal.

/**
 * Weights as training writes them. Outputs are numbered kinds first, then signals; each feature
 * lists only the outputs it moves, as pairs `[output, weight, output, weight, …]`, the weights
 * written as whole numbers of hundredths to keep the file small.
 */
export interface Weights {
  kinds: string[];
  signals: string[];
  /** Probability above which a signal is read as present. */
  threshold: number;
  bias: number[];
  weights: Record<string, number[]>;
}

export interface Scores {
  /** Probability of each kind, in `kinds` order. */
  kinds: number[];
  /** Probability of each signal, in `signals` order. */
  signals: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Softmax of raw scores, shifted by their maximum so large scores do not overflow. */
export function softmax(z: number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Raw scores: the bias plus the weights of every feature present; unknown features weigh nothing. */
export function linear(model: Pick<Weights, 'bias' | 'weights'>, features: string[]): number[] {
  const z = [...model.bias];
  for (const f of features) {
    const w = model.weights[f];
    if (!w) continue;
    for (let i = 0; i + 1 < w.length; i += 2) z[w[i]] += w[i + 1] / 100;
  }
  return z;
}

export function score(model: Weights, features: string[]): Scores {
  const z = linear(model, features);
  const k = model.kinds.length;
  return { kinds: softmax(z.slice(0, k)), signals: z.slice(k).map(sigmoid) };
}
