// An open-addressing hash table over byte strings, in typed arrays: the miner asks it once per log
// line, so a hit must cost no string, no object and no Map lookup.

const EMPTY = 0;

/** A view of the same memory four bytes at a time; `bytes` must start on a multiple of 4. */
const wordsOf = (bytes: Uint8Array) =>
  new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);

/** A hash of bytes [0, length), read four at a time (`words` views `bytes`), cut to 31 bits. */
function hashOf(bytes: Uint8Array, words: Uint32Array, length: number): number {
  let hash = length;
  const full = length >>> 2;
  for (let i = 0; i < full; i++) {
    hash = Math.imul(hash ^ words[i], 0x9e3779b1);
    hash = (hash << 13) | (hash >>> 19);
  }
  for (let i = full << 2; i < length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return (hash ^ (hash >>> 16)) & 0x7fffffff;
}

/**
 * Remembers which cluster recent masked lines joined, keyed by the masked line's bytes, so an
 * exact repeat needs no string and no tree. A hit compares the bytes in full: a hash collision is
 * a miss, never a wrong answer. Cleared when it holds `capacity` lines or `maxBytes` bytes, so a
 * log of huge lines cannot make it grow without bound; a line over a sixteenth of `maxBytes` is
 * not kept. A capacity of 0 remembers nothing.
 * @example const cache = new MaskedLineCache(1000); if (cache.get(out, n) < 0) cache.set(out, n, 7);
 */
export class MaskedLineCache {
  private readonly slots: Int32Array; // entry index + 1, or EMPTY
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly values: Int32Array;
  private arena = new Uint8Array(1 << 16);
  private arenaWords: Uint32Array<ArrayBufferLike> = wordsOf(this.arena);
  private used = 0;
  private count = 0;
  // The four-byte view of the memory of the bytes asked about last.
  private viewed: Uint8Array | null = null;
  private words: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  // Where the last missed `get` stopped, for the `set` that follows it.
  private missHash = 0;
  private missSlot = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(capacity > 0 ? size : 1);
    this.mask = size - 1;
    this.hashes = new Int32Array(capacity);
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  /**
   * The value remembered for bytes [0, length) of `bytes`, or -1. `bytes` must start on a multiple
   * of 4 in its memory, as a buffer of its own does.
   */
  get(bytes: Uint8Array, length: number): number {
    if (this.capacity <= 0) return -1;
    if (bytes !== this.viewed) {
      if (bytes.byteOffset % 4 !== 0) throw new Error('MaskedLineCache: bytes must start on a multiple of 4');
      this.viewed = bytes;
      this.words = wordsOf(bytes);
    }
    const hash = hashOf(bytes, this.words, length);
    let slot = hash & this.mask;
    for (let entry = this.slots[slot] - 1; entry >= 0; entry = this.slots[slot] - 1) {
      if (this.hashes[entry] === hash && this.lengths[entry] === length && this.holds(entry, bytes, length))
        return this.values[entry];
      slot = (slot + 1) & this.mask;
    }
    this.missHash = hash;
    this.missSlot = slot;
    return -1;
  }

  /** Remembers `value` (0 or more) for the bytes the last `get` missed; starts over when full. */
  set(bytes: Uint8Array, length: number, value: number): void {
    if (this.capacity <= 0 || length > this.maxBytes / 16) return;
    if (this.count >= this.capacity || this.used + length > this.maxBytes) {
      this.slots.fill(EMPTY);
      this.count = 0;
      this.used = 0;
      this.missSlot = this.missHash & this.mask;
    }
    if (this.used + length + 4 > this.arena.length) {
      const bigger = new Uint8Array(
        Math.min(Math.max(this.arena.length * 2, this.used + length + 4), this.maxBytes + 4),
      );
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
      this.arenaWords = wordsOf(bigger);
    }
    this.arena.set(bytes.subarray(0, length), this.used);
    const entry = this.count++;
    this.hashes[entry] = this.missHash;
    this.starts[entry] = this.used;
    this.lengths[entry] = length;
    this.values[entry] = value;
    this.used += (length + 3) & ~3; // each line starts on a multiple of 4
    this.slots[this.missSlot] = entry + 1;
  }

  /** Bytes held for lines, at most `maxBytes` (plus alignment). */
  get heldBytes(): number {
    return this.arena.length;
  }

  private holds(entry: number, bytes: Uint8Array, length: number): boolean {
    const start = this.starts[entry];
    const full = length >>> 2;
    const arenaWords = this.arenaWords;
    const words = this.words;
    const first = start >>> 2;
    for (let i = 0; i < full; i++) if (arenaWords[first + i] !== words[i]) return false;
    const arena = this.arena;
    for (let i = full << 2; i < length; i++) if (arena[start + i] !== bytes[i]) return false;
    return true;
  }
}
