// Types for the parts of generate.mjs that tests use.
/** mulberry32: a tiny seeded PRNG returning numbers in [0, 1). */
export function random(seed?: number): () => number;
